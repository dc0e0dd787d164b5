"""Everything a user has stored, as plain data, for the "download my data" page."""

from django.core import serializers
from django.utils import timezone

from decisions.models import (
    CallPlan,
    Consideration,
    Decision,
    Factor,
    FollowUp,
    PreparedAnswer,
    Rating,
    Referral,
    SkippedCheck,
)
from offers.models import Contact, ExchangeRate, Offer, TimeAsk
from reminders.models import CalendarFeed, ReminderSettings, SentReminder

ACCOUNT_FIELDS = (
    "username",
    "email",
    "first_name",
    "last_name",
    "time_zone",
    "home_currency",
    "date_joined",
)


def _rows(queryset, exclude=()):
    rows = []
    for item in serializers.serialize("python", queryset):
        fields = {k: v for k, v in item["fields"].items() if k not in exclude}
        rows.append({"id": item["pk"], **fields})
    return rows


def user_data(user) -> dict:
    """All of ``user``'s data, one query per kind of record whatever the amount."""
    return {
        "exported_at": timezone.now(),
        "account": {field: getattr(user, field) for field in ACCOUNT_FIELDS},
        "offers": _rows(Offer.objects.filter(owner=user), exclude=("owner",)),
        "contacts": _rows(Contact.objects.filter(offer__owner=user)),
        "exchange_rates": _rows(ExchangeRate.objects.filter(owner=user), exclude=("owner",)),
        "time_asks": _rows(TimeAsk.objects.filter(offer__owner=user)),
        "decisions": _rows(
            Decision.objects.filter(owner=user).prefetch_related("offers"), exclude=("owner",)
        ),
        "factors": _rows(Factor.objects.filter(decision__owner=user)),
        "ratings": _rows(Rating.objects.filter(factor__decision__owner=user)),
        "pros_and_cons": _rows(Consideration.objects.filter(decision__owner=user)),
        "call_plans": _rows(CallPlan.objects.filter(decision__owner=user)),
        "referrals": _rows(Referral.objects.filter(call_plan__decision__owner=user)),
        "prepared_answers": _rows(PreparedAnswer.objects.filter(call_plan__decision__owner=user)),
        "follow_ups": _rows(FollowUp.objects.filter(call_plan__decision__owner=user)),
        # The recorded choices to go ahead without a readiness check.
        "skipped_checks": _rows(SkippedCheck.objects.filter(call_plan__decision__owner=user)),
        "reminder_settings": _rows(ReminderSettings.objects.filter(user=user), exclude=("user",)),
        # The calendar address's hash is a secret of its own: only when it was made.
        "calendar_subscription": _rows(
            CalendarFeed.objects.filter(user=user), exclude=("user", "token_hash", "content_hash")
        ),
        "reminder_emails": _rows(
            SentReminder.objects.filter(user=user), exclude=("user", "claimed_by")
        ),
    }
