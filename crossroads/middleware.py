from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

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


class PrivatePagesMiddleware:
    """Nothing a signed-in user is shown or downloads (pages, the data export, calendar files)
    is stored by the browser or a proxy, where the next person at the computer could see it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A view that chose its own caching keeps it (the calendar subscription revalidates with
        # ETags, which storing nothing would defeat).
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


class MethodNotAllowedPageMiddleware:
    """Django answers a wrong method (GET on a POST-only address) with an empty 405; people get
    a page of ours instead, as for 404 and 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response
