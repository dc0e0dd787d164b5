from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from crossroads.confirm import delete_when_confirmed
from crossroads.navigation import next_url
from decisions.dashboard import follow_ups_due
from decisions.models import Decision
from offers import calendar, compensation, example, timeline
from offers.asks import records as ask_records
from offers.asks import rules as ask_rules
from offers.forms import ContactForm, OfferFilterForm, OfferForm
from offers.models import Contact, Offer, get_contact_for_user, get_offer_for_user
from offers.rates import money_terms

OFFERS_PER_PAGE = 20


@login_required
@require_GET
def offer_list(request):
    today = timezone.localdate()
    filter_form = OfferFilterForm(request.GET or None)
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    offers = Offer.objects.for_user(request.user).shown_by(status).by_nearest_date(today)
    page = Paginator(offers, OFFERS_PER_PAGE).get_page(request.GET.get("page"))
    # The database adds up each offer's four years as its table prints them: no offer is priced
    # here but the rows shown.
    in_play = Offer.objects.for_user(request.user).in_play().with_four_year_headline()
    totals = list(in_play.values_list("pk", "company", "currency", "four_year_headline"))
    comparison = money_terms(request.user).compare(
        {pk: (total, currency) for pk, _company, currency, total in totals}
    )
    return render(
        request,
        "offers/list.html",
        {
            "filter_form": filter_form,
            "status": status,
            "page": page,
            "rows": [_list_row(offer, today, comparison) for offer in page],
            "has_example": any(offer.is_example for offer in page),
            # With a filter on, "nothing matches" is said instead of inviting a first offer.
            "has_any": bool(status) or page.paginator.count > 0,
            "comparison": comparison,
            "names": {pk: company for pk, company, _currency, _total in totals},
            "best": comparison.best(),
            "today": today,
        },
    )


def _list_row(offer, today, comparison) -> dict:
    first_year, four_years = compensation.headline(offer.package())
    converted = comparison.amounts.get(offer.pk)
    return {
        "converted": converted if converted and converted.converted else None,
        "offer": offer,
        "dates": offer.dates_in_play(today),
        "first_year": first_year,
        "four_years": four_years,
    }


@login_required
@require_GET
def offer_detail(request, pk):
    offer = get_offer_for_user(request.user, pk)
    package = offer.package()
    today = timezone.localdate()
    return render(
        request,
        "offers/detail.html",
        {
            "offer": offer,
            "contacts": offer.contacts.all(),
            "contact_form": ContactForm(),
            "money_table": compensation.table(package),
            "leaving_cost": offer.leaving_cost_table(today)
            if offer.has_repayment_clause()
            else None,
            "vesting_terms": compensation.vesting_terms(package),
            # The decisions that leave this offer, for their call plans (decisions' part).
            "decisions_leaving": list(Decision.objects.leaving(offer)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_offer(request):
    return _offer_form(request, Offer(owner=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def edit_offer(request, pk):
    return _offer_form(request, get_offer_for_user(request.user, pk))


def _offer_form(request, offer):
    # Another page (such as a decision's first step) may send the user here and want them back.
    back_to = next_url(request)
    if offer._state.adding and (added := _already_added(request)):
        return redirect(back_to or added)
    form = OfferForm(request.POST or None, instance=offer)
    context = {"offer": offer, "back_to": back_to}
    try:
        return _save_or_show(request, form, "offers/form.html", context, str, back_to)
    except IntegrityError:
        # The same add form, posted twice at once: the other post added the offer.
        if not (added := _already_added(request)):
            raise
        return redirect(back_to or added)


def _already_added(request) -> Offer | None:
    """The offer this very add form created already (Back and Save, a double click, two tabs),
    with a message saying so."""
    if request.method != "POST":
        return None
    added = Offer.objects.for_user(request.user).added_with(request.POST.get("form_token"))
    if added:
        messages.info(
            request, f"{added} was already added from this form, so nothing was added twice."
        )
    return added


@login_required
@require_http_methods(["GET", "POST"])
def delete_offer(request, pk):
    offer = get_offer_for_user(request.user, pk)
    done = f"{offer} is deleted, with its contacts."
    return delete_when_confirmed(request, offer, "offers/delete.html", done, "offers:list")


@login_required
@require_POST
def add_contact(request, pk):
    offer = get_offer_for_user(request.user, pk)
    return _contact_form(request, Contact(offer=offer))


@login_required
@require_http_methods(["GET", "POST"])
def edit_contact(request, pk, contact_pk):
    return _contact_form(request, get_contact_for_user(request.user, pk, contact_pk))


def _contact_form(request, contact):
    form = ContactForm(request.POST or None, instance=contact)
    context = {"offer": contact.offer, "contact": contact}
    return _save_or_show(request, form, "offers/contact_form.html", context, attrgetter("name"))


def _save_or_show(request, form, template, context, name, done_url=""):
    """Add or edit: save a valid ``form``, say so (``name(saved)`` names what was saved) and go
    to ``done_url`` or the saved object's page; otherwise show ``template`` with the errors."""
    adding = form.instance._state.adding
    if form.is_valid():
        with transaction.atomic():
            saved = form.save()
        messages.success(request, f"{name(saved)} is {'added' if adding else 'saved'}.")
        # How an amount that could be read two ways was read (the offer form's money).
        for note in getattr(form, "reading_notes", list)():
            messages.info(request, note)
        return redirect(done_url or saved)
    return render(request, template, {**context, "form": form, "adding": adding})


@login_required
@require_http_methods(["GET", "POST"])
def delete_contact(request, pk, contact_pk):
    contact = get_contact_for_user(request.user, pk, contact_pk)
    # Back to the list of people the removed one was in.
    then = contact.offer.get_absolute_url() + "#contacts"
    done = f"{contact.name} is removed from this offer."
    return delete_when_confirmed(request, contact, "offers/contact_delete.html", done, then)


@login_required
@require_GET
def offer_timeline(request):
    today = timezone.localdate()
    everything = Offer.objects.for_user(request.user).outlines(with_totals=False)
    offers = [offer for offer in everything if offer.is_in_play()]
    every_clash = request.GET.get("clashes") == "all"
    page = timeline.window(offers, today, _page_number(request), every_clash)
    # The money of the offers this page shows (its clashes compare it), not of every offer.
    totals = Offer.objects.for_user(request.user).headlines({o.pk for o in page.offers})
    asks = ask_records.asks_about(request.user, offers)
    terms = money_terms(request.user, [offer.currency for offer in everything])
    return render(
        request,
        "offers/timeline.html",
        {
            "window": page,
            "events": page.events,
            "clash_rows": [
                (clash, clash_asks, clash.four_year_money(totals, terms.home, terms.rates))
                for clash, clash_asks in ask_rules.clashes_with_asks(page.clashes, asks)
            ],
            "asks": asks,
            "rows": page.rows(),
            "today": today,
            "today_index": page.today_index,
            "clashes": page.clashes,
            "in_play_count": len(offers),
            "has_any": bool(everything),
            # The decisions' part: follow-ups after a call, until they are ticked.
            "follow_ups_due": follow_ups_due(
                request.user, every=request.GET.get("follow_ups") == "all"
            ),
            "follow_ups_today": today,
        },
    )


def _page_number(request) -> int:
    """The timeline's ``?page=``: 0 is the page with today; earlier ones are negative."""
    try:
        return int(request.GET.get("page", 0))
    except ValueError:
        return 0


@login_required
@require_GET
def offer_calendar(request):
    now, user, absolute = timezone.now(), request.user, request.build_absolute_uri

    def build():
        loaded = list(Offer.objects.for_user(user).in_calendar(now))
        return calendar.offers_calendar(
            loaded,
            user.zone(),
            offer_url=lambda offer: absolute(offer.get_absolute_url()),
            now=now,
            asks=ask_records.asks_about(user, loaded),
            ask_url=lambda ask: absolute(ask.get_absolute_url()),
        )

    body = calendar.kept_calendar("offers", user, now, absolute, build)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="crossroads-offers.ics"'
    return response


@login_required
@require_POST
def load_example(request):
    loaded = example.load_example(request.user, timezone.localdate())
    if loaded.added:
        messages.success(
            request,
            "An example is loaded: three offers marked “Example”. Look around, change anything, "
            "and remove it in one go when you are ready for your own.",
        )
    else:
        messages.info(request, "The example is already loaded: nothing was added twice.")
    return redirect("home")


@login_required
@require_http_methods(["GET", "POST"])
def delete_example(request):
    if request.method == "POST":
        removed = example.remove_example(request.user)
        what = _count(removed.offers, "offer")
        if removed.decisions:
            what += f", {_count(removed.decisions, 'decision')}"
        messages.success(
            request,
            f"The example is removed ({what}). Your own offers and decisions are as they were.",
        )
        return redirect("home")
    offers = Offer.objects.for_user(request.user).examples()
    decisions = example.example_decisions(request.user)
    context = {"offers": list(offers), "decisions": list(decisions)}
    return render(request, "offers/example_delete.html", context)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
