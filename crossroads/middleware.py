from django.utils import timezone

from crossroads.formats import number_format_in_use


class UserTimeZoneMiddleware:
    """Show every date and time in the signed-in user's own time zone, and every number and
    amount in their own number format (read back in it too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user.zone())
            number_format = user.number_format
        else:
            timezone.deactivate()
            number_format = None
        with number_format_in_use(number_format):
            return self.get_response(request)
