from django import template
from django.urls import reverse

register = template.Library()

# The main navigation of a signed-in person: each page's URL name and the link's words.
LINKS = (
    ("home", "Dashboard"),
    ("offers:list", "Offers"),
    ("offers:timeline", "Timeline"),
    ("offers:compare", "Money"),
    ("decisions:list", "Decisions"),
)


@register.simple_tag(takes_context=True)
def site_nav(context):
    """The navigation's links as (address, words, whether it is the page shown), made in one
    step rather than a template included for each."""
    match = context["request"].resolver_match
    here = match.view_name if match else ""
    return [(reverse(name), words, name == here) for name, words in LINKS]
