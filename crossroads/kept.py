"""Pages kept ready-made: a page is drawn once and served again from the cache until anything it
could show changes.

``@kept_page`` keeps a whole GET page: on a hit the view does not run at all. ``@kept_form``
keeps only the fragment a template wraps in ``{% kept request.kept_form %}`` (the form's fields),
for a page that must be drawn every time around them: Django's password change page, which it
marks never-cache.

Both key what they keep by everything the HTML depends on, read before the view reads anything:
- the address, query string included;
- the user and their data version (crossroads.models.DataChange), which every write to their
  data moves on, in the write's own transaction;
- the hour, the time zone and the language, so "today" and "due in 3 days" are never stale, and
  the browser's languages (the sign-up form picks a number format from them);
- the CSRF secret: kept forms carry CSRF tokens made from it. Each page drawn masks it anew, so
  a kept page repeats only its own token, to the same browser, as its own back button would.

Nothing is kept, and the page is drawn as usual, for anything but a GET, with DEBUG on (templates
are edited live), when the browser has no CSRF cookie yet (this response will make one), or when
a message is waiting to be shown or was shown: that page is drawn for that moment only. Only a
200 response that sets no cookie is kept, with the headers its view gave it, and not one its
view marked ``no-store`` (the account page, when it shows the calendar's address the only time
it is shown).

The cache is the "pages" alias: each process's own memory, so a restart or a deploy starts empty
and no page drawn by older code is ever served.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone, translation

from crossroads.models import DataChange

KEPT_SECONDS = 3600  # the key changes every hour anyway


def content_key(request) -> str | None:
    secret = request.META.get("CSRF_COOKIE")
    if request.method not in ("GET", "HEAD") or settings.DEBUG or not secret:
        return None
    user = request.user
    version = DataChange.version_for(user) if user.is_authenticated else ""
    parts = (
        request.get_full_path(),
        str(user.pk),
        str(version),
        timezone.localtime().strftime("%Y-%m-%d %H"),
        timezone.get_current_timezone_name(),
        translation.get_language() or "",
        request.headers.get("Accept-Language", ""),  # the sign-up form starts from it
        secret,
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def kept_page(view):
    @wraps(view)
    def keeping_view(request, *args, **kwargs):
        key = content_key(request)
        if key is None or _has_messages(request):
            return view(request, *args, **kwargs)
        pages = caches["pages"]
        if kept := pages.get(key):
            content, headers = kept
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):  # a TemplateResponse, drawn now rather than later
            response.render()
        if _keepable(response) and not _has_messages(request):
            pages.set(key, (response.content, dict(response.items())), KEPT_SECONDS)
        return response

    return keeping_view


def kept_form(view):
    @wraps(view)
    def keeping_view(request, *args, **kwargs):
        request.kept_form = content_key(request)
        return view(request, *args, **kwargs)

    return keeping_view


def _has_messages(request) -> bool:
    """Whether a message is waiting, or was added or shown while drawing this page."""
    return len(messages.get_messages(request)) > 0


def _keepable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")  # the view's own word
    )
