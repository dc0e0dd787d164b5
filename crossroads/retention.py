"""What is kept about people, for how long, and what goes with their account.

Login records (django-axes: address, browser, time of each login and wrong password) are kept
``LOGIN_RECORDS_DAYS`` days and are deleted with the account. Wrong-password counts go once they
no longer count towards a pause. Sign-ups never confirmed go when their link expires, imports
previewed but never confirmed after a day, the tokens of sent forms after
``SUBMITTED_FORM_LIFETIME`` and cache rows when they expire.
``manage.py expire_records`` runs ``expire_old_records`` (daily, from cron).
"""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from crossroads.models import (
    LINK_LIFETIME,
    SUBMITTED_FORM_LIFETIME,
    PendingImport,
    PendingSignup,
    SubmittedForm,
)

LOGIN_RECORDS = (AccessAttempt, AccessFailureLog, AccessLog)
IMPORT_PREVIEW_LIFETIME = datetime.timedelta(days=1)


def delete_account(user) -> None:
    """The account, everything in it, and every login record under its username."""
    with transaction.atomic():
        for model in LOGIN_RECORDS:
            model.objects.filter(username__iexact=user.get_username()).delete()
        user.delete()


def expire_old_records(now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete what has outlived its period; the number removed of each kind."""
    now = now or timezone.now()
    kept_since = now - datetime.timedelta(days=settings.LOGIN_RECORDS_DAYS)
    removed = {
        "login records": sum(
            model.objects.filter(attempt_time__lt=kept_since).delete()[0]
            for model in (AccessLog, AccessFailureLog)
        ),
        "wrong-password counts": AccessAttempt.objects.filter(
            attempt_time__lt=now - settings.AXES_COOLOFF_TIME
        ).delete()[0],
        "unconfirmed sign-ups": PendingSignup.objects.filter(
            created_at__lt=now - LINK_LIFETIME
        ).delete()[0],
        "unconfirmed imports": PendingImport.objects.filter(
            created_at__lt=now - IMPORT_PREVIEW_LIFETIME
        ).delete()[0],
        "sent form tokens": SubmittedForm.objects.filter(
            created_at__lt=now - SUBMITTED_FORM_LIFETIME
        ).delete()[0],
    }
    removed["expired cache entries"] = _expire_cache_rows(now)
    return removed


def _expire_cache_rows(now: datetime.datetime) -> int:
    table = connection.ops.quote_name(settings.CACHES["default"]["LOCATION"])
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [now])
        return cursor.rowcount
