"""The address a request came from, for lockouts and rate limits.

``TRUSTED_PROXY_COUNT`` says how many reverse proxies of our own stand in front of the app. With
none (the default) only the connection's own address counts: ``X-Forwarded-For`` is written by the
client and is ignored. With N proxies, each appends the address it received the request from, so
the client's address is the N-th entry from the right of ``X-Forwarded-For``; whatever a client
wrote to the left of it is ignored.
"""

from django.conf import settings
from ipware import get_client_ip


def client_ip(request) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    connected = request.META.get("REMOTE_ADDR") or ""
    if proxies == 0:
        return connected
    # python-ipware counts the proxies listed in the header, beside the one that connects to us.
    address, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return address or connected
