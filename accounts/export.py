"""Everything a user has stored, as one signed JSON file, and the list of what goes into it.

``SECTIONS`` is the one list of the records a user owns, in an order where each kind comes after
every kind it points to. The export writes one list of rows per section; the import
(``accounts/restore.py``) reads them back in the same order. The references between records are
found from the models themselves: a foreign key or many-to-many field to another section's model
is written as that record's id and rebuilt on import; one to the user is the owner.

To add a model: add one ``Section`` below, after the sections it points to. The tests check that
every model of ``offers`` and ``decisions`` is listed and that each points only to listed models.

The file carries ``format`` and ``version`` (an import refuses any other) and a ``signature``: an
HMAC of the rest with the installation's ``SECRET_KEY``, so a file changed after it was exported
is refused (``SECRET_KEY_FALLBACKS`` keep older files importable after the key changes).
"""

import datetime
import hashlib
import hmac
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

from decisions.models import (
    CallPlan,
    Consideration,
    Decision,
    Factor,
    FollowUp,
    NoticeLetter,
    PreparedAnswer,
    Rating,
    Referral,
    SkippedCheck,
)
from offers.models import (
    Contact,
    ExchangeRate,
    LeavingTerms,
    Offer,
    Promise,
    TimeAsk,
    Withdrawal,
)
from reminders.models import CalendarFeed, ReminderSettings, SentReminder

FORMAT = "crossroads-export"
FORMAT_VERSION = 1
ACCOUNT_FIELDS = (
    "username",
    "email",
    "first_name",
    "last_name",
    "time_zone",
    "number_format",
    "home_currency",
    "date_joined",
)
_SIGNING_SALT = "crossroads.export"


@dataclass(frozen=True)
class Section:
    name: str  # the key in the file
    model: type[models.Model]
    owner_path: str  # from this model to its owner, for the query
    one: str = ""  # one record, in words, where the model's own name would not do
    left_out: tuple[str, ...] = ()  # fields never written: secrets, bookkeeping
    # False: written for the person to read, not imported; the importing account keeps its own.
    restored: bool = True
    # True: a kind added after files of this version were made; a file without it has none.
    added_later: bool = False

    def written_fields(self) -> list[models.Field]:
        owner = owner_field(self.model)
        return [
            field
            for field in self.model._meta.concrete_fields
            if not field.primary_key and field != owner and field.name not in self.left_out
        ]

    @property
    def label(self) -> str:
        return self.one or str(self.model._meta.verbose_name)

    def words(self, count: int) -> str:
        return f"{count} {self.label if count == 1 else self.name.replace('_', ' ')}"


SECTIONS = [
    Section("offers", Offer, "owner"),
    Section("contacts", Contact, "offer__owner"),
    Section("promises", Promise, "offer__owner", added_later=True),
    Section("exchange_rates", ExchangeRate, "owner"),
    Section("time_asks", TimeAsk, "offer__owner"),
    Section("withdrawals", Withdrawal, "offer__owner", added_later=True),
    Section("leaving_terms", LeavingTerms, "offer__owner", added_later=True),
    Section("decisions", Decision, "owner"),
    Section("factors", Factor, "decision__owner"),
    Section("ratings", Rating, "factor__decision__owner"),
    Section("pros_and_cons", Consideration, "decision__owner", one="pro or con"),
    Section("call_plans", CallPlan, "decision__owner"),
    Section("referrals", Referral, "call_plan__decision__owner"),
    Section("prepared_answers", PreparedAnswer, "call_plan__decision__owner"),
    Section("follow_ups", FollowUp, "call_plan__decision__owner", one="follow-up"),
    # The recorded choices to go ahead without a readiness check.
    Section("skipped_checks", SkippedCheck, "call_plan__decision__owner", one="skipped check"),
    Section("notice_letters", NoticeLetter, "decision__owner", added_later=True),
    # The account's own settings and records of the reminders app: the person can read them in
    # the file, but an import leaves the importing account's own in place. The calendar
    # address's hash is a secret of its own, and sent reminders point to records by their old ids.
    Section("reminder_settings", ReminderSettings, "user", restored=False),
    Section(
        "calendar_subscription",
        CalendarFeed,
        "user",
        left_out=("token_hash",),
        restored=False,
    ),
    Section("reminder_emails", SentReminder, "user", left_out=("claimed_by",), restored=False),
]


def owner_field(model) -> models.Field | None:
    """The field that points to the user, written nowhere: the importing user owns the records."""
    return next(
        (
            field
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is get_user_model()
        ),
        None,
    )


def _rows(section: Section, user) -> list[dict]:
    queryset = section.model.objects.filter(**{section.owner_path: user}).order_by("pk")
    if section.model._meta.many_to_many:
        queryset = queryset.prefetch_related(*(f.name for f in section.model._meta.many_to_many))
    written = [f.name for f in section.written_fields()] + [
        f.name for f in section.model._meta.many_to_many
    ]
    return [
        {"id": item["pk"], **{name: item["fields"][name] for name in written}}
        for item in serializers.serialize("python", queryset)
    ]


def user_data(user) -> dict:
    """All of ``user``'s data as plain JSON values, signed; one query per section."""
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "account": {field: getattr(user, field) for field in ACCOUNT_FIELDS},
        **{section.name: _rows(section, user) for section in SECTIONS},
    }
    plain = json.loads(json.dumps(data, cls=_ExactJSONEncoder))
    return {**plain, "signature": signature(plain)}


class _ExactJSONEncoder(DjangoJSONEncoder):
    """Django's, but times keep their microseconds (Django's rounds them to milliseconds), so a
    time exported, imported and exported again reads the same."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def signature(plain: dict) -> str:
    return _signature(plain, settings.SECRET_KEY)


def signature_matches(plain: dict, claimed: object) -> bool:
    if not isinstance(claimed, str):
        return False
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(hmac.compare_digest(_signature(plain, key), claimed) for key in keys)


def content_digest(plain: dict) -> str:
    """What the file holds, as a digest: the same content gives the same one, whoever signed it."""
    return hashlib.sha256(_canonical(plain).encode()).hexdigest()


def _signature(plain: dict, key: str) -> str:
    return salted_hmac(_SIGNING_SALT, _canonical(plain), secret=key, algorithm="sha256").hexdigest()


def _canonical(plain: dict) -> str:
    return json.dumps(plain, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
