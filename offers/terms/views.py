"""The offer's "Leaving terms" page, one of the offer form's sections (``/offers/<id>/edit/``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from offers import offer_form_layout as layout
from offers.models import Offer, get_offer_for_user
from offers.terms.forms import LeavingTermsForm
from offers.terms.models import LeavingTerms, save_leaving_terms, terms_of


@login_required
@require_http_methods(["GET", "POST"])
def edit_leaving_terms(request, pk):
    queryset = Offer.objects.select_related("leaving_terms")
    offer = get_offer_for_user(request.user, pk, queryset)
    terms = terms_of(offer) or LeavingTerms(offer=offer)
    form = LeavingTermsForm(request.POST or None, instance=terms)
    if form.is_valid():
        save_leaving_terms(form.instance)
        messages.success(request, f"The leaving terms of {offer} are saved.")
        return redirect(offer.get_absolute_url() + "#leaving-title")
    other_sections = [(s, layout.section_url(offer, s)) for s in layout.SECTIONS.values()]
    context = {"offer": offer, "form": form, "other_sections": other_sections}
    return render(request, "offers/terms/form.html", context)
