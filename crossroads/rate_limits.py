"""How often the forms that send e-mail or create accounts may be used; past that, HTTP 429.

Each limit in ``settings.RATE_LIMITS`` is a number of uses in a fixed window of seconds, counted
per address or per e-mail address. The counters live in Django's cache, which is the database
cache (see ``CACHES``): every app process shares it and it survives a restart, where a memory cache
would give each gunicorn worker its own count. The database cache has no atomic increment, so a
count holds a PostgreSQL advisory lock on its key until its transaction ends: requests arriving
together are counted one after another.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.shortcuts import render


def hit(limit_name: str, who: str) -> int | None:
    """Count one use of ``limit_name`` by ``who``: the seconds to wait if it is one too many."""
    allowed, period = settings.RATE_LIMITS[limit_name]
    now = time.time()
    window = int(now // period)
    digest = hashlib.sha256(who.strip().lower().encode()).hexdigest()[:32]
    key = f"rate:{limit_name}:{digest}:{window}"
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
        used = cache.get(key, 0) + 1
        cache.set(key, used, timeout=period)
    if used > allowed:
        return math.ceil((window + 1) * period - now)
    return None


def too_many_requests(request, wait_seconds: int, what: str):
    """The page that says a limit was reached, what was not done, and how long to wait."""
    minutes = max(1, math.ceil(wait_seconds / 60))
    response = render(request, "rate_limited.html", {"minutes": minutes, "what": what}, status=429)
    response["Retry-After"] = str(wait_seconds)
    return response
