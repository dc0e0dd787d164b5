from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request) -> str:
    """The ``next`` address posted or asked for, when it stays on this site; else ''."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return ""
