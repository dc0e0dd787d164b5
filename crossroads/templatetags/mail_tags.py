"""Whether e-mail reaches people, for pages that would otherwise say to check it."""

from django import template

from crossroads import mail

register = template.Library()


@register.simple_tag
def email_is_off() -> bool:
    return not mail.is_delivered()
