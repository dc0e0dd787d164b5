from django import template

from crossroads.errors import summary_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_errors(context):
    """The error summary of the page being drawn (empty when no form on it failed)."""
    return summary_for(context.flatten().values())
