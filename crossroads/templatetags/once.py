from django import template
from django.utils.html import format_html

from crossroads import once

register = template.Library()


@register.simple_tag(takes_context=True)
def once_field(context):
    """The create form's token (``crossroads/once.py``), taken from the page's address or the
    form just posted; nothing on a page without one."""
    request = context.get("request")
    given = once.token(request) if request is not None else None
    if given is None:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', once.ONCE, given)
