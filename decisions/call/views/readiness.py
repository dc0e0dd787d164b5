from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from crossroads.navigation import next_url
from decisions.call.forms_readiness import ReadinessForm
from decisions.models import Decision
from decisions.call.readiness import is_ready, readiness_checks


@login_required
@require_POST
def save_readiness(request, pk):
    """Save the readiness ticks for leaving the committed offer for the posted new offer."""
    decision = get_object_or_404(
        Decision.objects.select_related("committed_offer"), pk=pk, owner=request.user
    )
    try:
        new_offer = decision.offers.filter(pk=int(request.POST.get("new_offer", ""))).first()
    except ValueError:
        new_offer = None
    if (
        decision.committed_offer is None
        or new_offer is None
        or new_offer == decision.committed_offer
    ):
        raise Http404("There is nothing to back out of in this decision.")
    checks = readiness_checks(decision.committed_offer, new_offer)
    form = ReadinessForm(checks, request.POST)
    if form.is_valid():
        form.save(timezone.localdate())
        checks = readiness_checks(decision.committed_offer, new_offer)
        if is_ready(checks):
            messages.success(request, "All checks are done: you are ready to make the call.")
        else:
            messages.success(request, "Saved. Some checks are still open.")
    return redirect(next_url(request) or "home")
