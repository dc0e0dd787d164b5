from django import template

register = template.Library()


@register.filter
def days_away(days):
    """A number of days from today in words: "today", "in 3 days", "2 days ago"."""
    if days is None or days == "":
        return ""
    days = int(days)
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if days > 0:
        return f"in {days} days"
    return f"{-days} days ago"
