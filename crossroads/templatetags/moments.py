from django import template
from django.utils import timezone

from crossroads.formats import format_datetime

register = template.Library()


@register.filter
def moment(value):
    """``{{ plan.scheduled_at|moment }}``: ``Monday 1 December 2026, 09:30 (Amsterdam time)``,
    in the user's own zone, which it always names."""
    if not value:
        return ""
    return format_datetime(value, timezone.get_current_timezone())
