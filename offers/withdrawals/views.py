"""The page for withdrawing from a process once another offer is accepted: a drafted message to
change, then "Record that I told them", which declines the offer (``offers.changes.withdraw``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from offers import changes
from offers.models import get_offer_for_user
from offers.withdrawals import draft
from offers.withdrawals.forms import WithdrawForm
from offers.withdrawals.models import Withdrawal


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    offer = get_offer_for_user(request.user, pk)
    owed = Withdrawal.objects.pending().filter(offer=offer).select_related("accepted_offer")
    withdrawal = owed.first()
    if withdrawal is None:
        messages.info(request, f"There is no withdrawal to make from {offer.company} now.")
        return redirect(offer)
    withdrawal.offer = offer
    contact = draft.person_to_tell(offer.contacts.all())
    form = _form(request, withdrawal, contact)
    if "record" in request.POST and form.is_valid():
        told = form.cleaned_data
        changes.withdraw(
            withdrawal,
            message=told["message"],
            names_new_employer=told["names_new_employer"],
            now=timezone.now(),
        )
        messages.success(request, f"Recorded: you told {offer.company} you are withdrawing.")
        return redirect(offer)
    context = {"offer": offer, "withdrawal": withdrawal, "contact": contact, "form": form}
    return render(request, "offers/withdrawals/withdraw.html", context)


def _form(request, withdrawal, contact) -> WithdrawForm:
    """Posted with "Record": the form as filled in. Otherwise a fresh draft; "Update the draft"
    redrafts it with or without the new employer's name, as the box says."""
    new_employer = withdrawal.accepted_offer.company
    if "record" in request.POST:
        return WithdrawForm(request.POST, instance=withdrawal, new_employer=new_employer)
    named = bool(request.POST.get("names_new_employer"))
    text = draft.message(withdrawal.offer, contact, new_employer if named else "")
    initial = {"message": text, "names_new_employer": named}
    return WithdrawForm(initial=initial, instance=withdrawal, new_employer=new_employer)
