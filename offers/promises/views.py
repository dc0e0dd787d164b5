"""Adding, editing, ticking and removing what was promised about an offer. The promises are
listed on the offer's page; each view returns there, at the promise it changed."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from crossroads.navigation import next_url
from crossroads.once import save_once, submits_once, with_token
from offers.models import Offer, get_offer_for_user
from offers.promises import records
from offers.promises.forms import FoundForm, PromiseForm
from offers.promises.models import Promise, get_promise_for_user


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def add_promise(request, pk):
    offer = get_offer_for_user(request.user, pk, Offer.objects)
    promise = Promise(offer=offer, promised_on=timezone.localdate())
    return with_token(request) or _promise_form(request, promise)


@login_required
@require_http_methods(["GET", "POST"])
def edit_promise(request, pk, promise_pk):
    return _promise_form(request, get_promise_for_user(request.user, pk, promise_pk))


def _promise_form(request, promise):
    adding, offer = promise._state.adding, promise.offer
    form = PromiseForm(request.POST or None, instance=promise)
    if form.is_valid():
        # Adding, the form's token is claimed with the promise (``crossroads/once.py``).
        save = functools.partial(records.save_promise, form.instance)
        saved = save_once(request, save, Promise.get_absolute_url, str)
        messages.success(request, f"The promise is {'added' if adding else 'saved'}.")
        return redirect(saved)
    context = {"form": form, "offer": offer, "promise": promise, "adding": adding}
    return render(request, "offers/promises/form.html", context)


@login_required
@require_POST
def mark_found(request, pk, promise_pk):
    """Tick (or untick) "found in the written offer"; back to where the button was."""
    promise = get_promise_for_user(request.user, pk, promise_pk)
    form = FoundForm(request.POST, instance=promise)
    found = form.is_valid() and form.cleaned_data["found_in_writing"]
    records.mark_found(promise, found)
    if found:
        messages.success(request, f"Found in the written offer: {promise}.")
    else:
        messages.info(request, f"Not found in the written offer yet: {promise}.")
    return redirect(next_url(request) or promise)


@login_required
@require_http_methods(["GET", "POST"])
def delete_promise(request, pk, promise_pk):
    """A confirmation page, then the promise is removed."""
    promise = get_promise_for_user(request.user, pk, promise_pk)
    if request.method != "POST":
        return render(request, "offers/promises/delete.html", {"promise": promise})
    records.delete_promise(promise)
    messages.success(request, f"The promise is removed: {promise}.")
    return redirect(promise.offer.get_absolute_url() + "#promises")
