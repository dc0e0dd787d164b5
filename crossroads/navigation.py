"""Return addresses (``next``): the one place that decides whether to follow one."""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme


def safe_return_path(url: str | None) -> str:
    """``url`` if it is a path on this site ("/offers/?x=1"), else ''.

    Anything else, such as another site ("//evil.example", "https://..."), a scheme
    ("javascript:..."), a relative word ("-1", "home") or control characters, gives '' so the
    caller falls back to its own default page.
    """
    if not url or not url.startswith("/") or url.startswith(("//", "/\\")):
        return ""
    if any(ord(char) < 32 or ord(char) == 127 for char in url):
        return ""
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return ""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return ""
    return url


def next_url(request) -> str:
    """The ``next`` address posted or asked for, when it is a path on this site; else ''."""
    return safe_return_path(request.POST.get("next") or request.GET.get("next"))


class SafeNextMixin:
    """For Django's login and logout views: their ``next`` goes through the same check."""

    def get_redirect_url(self):
        return next_url(self.request)
