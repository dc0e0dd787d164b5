import datetime

from django.utils import timezone

from decisions.models import Decision

LOOK_BACK_AFTER = datetime.timedelta(days=30)
DRAFTS_SHOWN = 5


def _drafts_and_look_backs(user) -> dict:
    """Drafts to resume, and recorded decisions due a look back."""
    decisions = Decision.objects.filter(owner=user)
    due = timezone.now() - LOOK_BACK_AFTER
    return {
        "decision_drafts": list(
            decisions.filter(decided_at__isnull=True).order_by("-updated")[:DRAFTS_SHOWN]
        ),
        "decisions_to_look_back": list(
            decisions.filter(decided_at__lte=due, outcome="")
            .select_related("chosen_offer")
            .order_by("decided_at")
        ),
    }


def _calls_to_make(user) -> dict:
    """Call plans not yet done."""
    return {}


def dashboard_context(user) -> dict:
    """The decisions' part of the dashboard."""
    return {**_drafts_and_look_backs(user), **_calls_to_make(user)}
