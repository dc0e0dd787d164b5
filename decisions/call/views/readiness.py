from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from crossroads.navigation import next_url
from decisions.call.forms import ReadinessForm
from decisions.call.readiness import is_ready, readiness_checks
from decisions.models import Decision, get_decision_for_user


@login_required
@require_POST
def save_readiness(request, pk):
    """Save the readiness ticks for leaving the committed offer for the posted new offer."""
    decision = get_decision_for_user(
        request.user, pk, Decision.objects.select_related("committed_offer")
    )
    new_offer = decision.leaving_for(request.POST.get("new_offer"))
    if new_offer is None:
        raise Http404("There is nothing to back out of in this decision.")
    form = ReadinessForm(readiness_checks(decision.committed_offer, new_offer), request.POST)
    if form.is_valid():
        form.save(timezone.localdate())
        if is_ready(readiness_checks(decision.committed_offer, new_offer)):
            messages.success(request, "All checks are done: you are ready to make the call.")
        else:
            messages.success(request, "Saved. Some checks are still open.")
    back = next_url(request)
    # Back to the checklist that was saved, wherever it was.
    return redirect(f"{back.split('#')[0]}#readiness" if back else "home")
