from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from crossroads.once import save_once, submits_once, with_token
from crossroads.query import currency_code
from offers.models import ExchangeRate, Offer
from offers.rates import money_terms
from offers.rates.forms import HomeCurrencyForm, RateForm
from offers.rates.models import get_rate_for_user


def _rates_page(request, home_form=None, status=200):
    offers = list(Offer.objects.for_user(request.user))
    terms = money_terms(request.user, [offer.currency for offer in offers])
    rates = list(ExchangeRate.objects.for_user(request.user))
    today = timezone.localdate()
    used = sorted({offer.currency for offer in offers} - {terms.home})
    context = {
        "home": terms.home,
        "home_chosen": bool(request.user.home_currency),
        "home_form": home_form or HomeCurrencyForm(instance=request.user),
        "rates": [
            {
                "rate": rate,
                "in_use": terms.home in (rate.currency, rate.home_currency),
                "old": rate.as_rate().is_old(today),
            }
            for rate in rates
        ],
        "missing": [code for code in used if terms.rates.between(code, terms.home) is None],
    }
    return render(request, "offers/rates/rates.html", context, status=status)


@login_required
@require_GET
def rates(request):
    return _rates_page(request)


@login_required
@require_POST
def home_currency(request):
    form = HomeCurrencyForm(request.POST, instance=request.user)
    if not form.is_valid():
        return _rates_page(request, home_form=form)
    form.save()
    home = request.user.home_currency
    messages.success(
        request,
        f"Your home currency is now {home}."
        if home
        else "Your home currency now follows your offers.",
    )
    return redirect("offers:rates")


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def set_rate(request):
    if landing := with_token(request):
        return landing
    offers = list(Offer.objects.for_user(request.user))
    terms = money_terms(request.user, [offer.currency for offer in offers])
    code = currency_code((request.POST or request.GET).get("currency", ""))
    rate = ExchangeRate.objects.for_user(request.user).filter(
        currency=code, home_currency=terms.home
    ).first() or ExchangeRate(owner=request.user, currency=code, home_currency=terms.home)
    form = RateForm(
        request.POST or None, instance=rate, home=terms.home, offers=offers, rates=terms.rates
    )
    if form.is_valid():
        try:
            saved = save_once(request, form.save, lambda rate: reverse("offers:rates"), str)
        except IntegrityError:
            messages.error(request, "That rate changed in another tab. Check it and save again.")
            return redirect("offers:rates")
        messages.success(request, f"Saved: {saved}.")
        return redirect("offers:rates")
    return render(
        request, "offers/rates/set_rate.html", {"form": form, "home": terms.home, "rate": rate}
    )


@login_required
@require_POST
def remove_rate(request, pk):
    rate = get_rate_for_user(request.user, pk)
    rate.delete()
    messages.success(request, f"Removed the rate {rate}.")
    return redirect("offers:rates")
