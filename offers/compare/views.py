from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from offers.compare.forms import MAX_COMPARED, CompareForm, default_offers, listed_offers
from offers.compare.page import compare_offers
from offers.models import Offer
from offers.rates import money_terms


@login_required
@require_GET
def compare(request):
    """Offers side by side, year by year (a decision links here with its offers and horizon).
    The form lists the offers in play; ``?every=1`` lists the others too."""
    all_offers = list(Offer.objects.for_user(request.user).order_by("company", "role", "pk"))
    form, left_out = _form(request, all_offers)
    chosen = form.choice()
    context = {
        "form": form,
        "has_any": bool(all_offers),
        "left_out": left_out,
        "max_compared": MAX_COMPARED,
        "today": timezone.localdate(),
        "unlisted": len(all_offers) - len(form.by_pk),
        "every_url": _every_url(request),
    }
    if chosen and chosen[0]:
        currencies = [offer.currency for offer in all_offers]
        terms = money_terms(request.user, currencies, shown={o.currency for o in chosen[0]})
        context.update(compare_offers(*chosen, terms, context["today"]))
    return render(request, "offers/compare.html", context)


def _form(request, all_offers) -> tuple[CompareForm, list]:
    """The form, and the offers the default choice left out (none once a choice is made)."""
    every = request.GET.get("every") == "1"
    if "offers" in request.GET or "years" in request.GET:
        listed = listed_offers(all_offers, request.GET.getlist("offers"), every)
        return CompareForm(listed, request.GET), []
    chosen, left_out = default_offers(all_offers)
    listed = listed_offers(all_offers, [str(offer.pk) for offer in chosen], every)
    return CompareForm(listed, initial_offers=chosen), left_out


def _every_url(request) -> str:
    """This page with every offer listed, whatever else it asked for."""
    query = request.GET.copy()
    query["every"] = "1"
    return f"?{query.urlencode()}#id_offers_0"
