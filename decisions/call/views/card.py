"""The call card: the plan on one phone screen or three, for the moment of the call."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from decisions.call.card import card_page
from decisions.call.plans import plan_or_draft
from decisions.models import get_leaving_decision_for_user


@login_required
@require_GET
def call_card(request, pk):
    """Whom to call and the number, the opening words, the answers: showing it never writes."""
    # The new offer's promises are read by the page, in a plain query (``page.print_page``).
    decision = get_leaving_decision_for_user(request.user, pk, promises=False)
    context = card_page(decision, plan_or_draft(decision), timezone.localdate())
    return render(request, "decisions/call/card.html", context)
