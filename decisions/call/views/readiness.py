from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from crossroads.navigation import next_url
from decisions.call.gate import ReadinessForm
from decisions.call.page import readiness_page, readiness_saved
from decisions.models import Decision, get_decision_for_user


@login_required
@require_POST
def save_readiness(request, pk):
    """Save the readiness ticks for leaving the committed offer for the posted new offer. A tick
    without the fact it stands for is refused on a page of its own; nothing is saved."""
    decision = get_decision_for_user(
        request.user, pk, Decision.objects.select_related("committed_offer")
    )
    new_offer = decision.leaving_for(request.POST.get("new_offer"))
    if new_offer is None:
        raise Http404("There is nothing to back out of in this decision.")
    form = ReadinessForm.for_offers(decision.committed_offer, new_offer, request.POST)
    back = next_url(request)
    if not form.is_valid():
        context = readiness_page(decision.committed_offer, new_offer, form)
        context.update(decision=decision, return_to=back or reverse("home"))
        return render(request, "decisions/call/readiness.html", context)
    form.save(timezone.localdate())
    messages.success(request, readiness_saved(decision, new_offer))
    # Back to the checklist that was saved, wherever it was.
    return redirect(f"{back.split('#')[0]}#readiness" if back else "home")
