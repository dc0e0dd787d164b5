from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from crossroads.confirm import delete_when_confirmed
from crossroads.navigation import next_url
from crossroads.once import save_once, submits_once, with_token
from crossroads.query import whole_number
from offers import calendar, compensation, conditional, listing
from offers import offer_form_layout as layout
from offers.asks import records as ask_records
from offers.forms import ContactForm, OfferFilterForm, OfferForm
from offers.models import Contact, Offer, get_contact_for_user, get_offer_for_user
from offers.promises.models import prefetch_promises
from offers.terms import page as terms_page


@login_required
@require_GET
def offer_list(request):
    filter_form = OfferFilterForm(request.GET or None)
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    page_number, today = request.GET.get("page"), timezone.localdate()
    context = listing.offer_list(request.user, status, page_number, today)
    return render(request, "offers/list.html", {"filter_form": filter_form, **context})


@login_required
@require_GET
def offer_detail(request, pk):
    queryset = Offer.objects.select_related("leaving_terms").prefetch_related(
        "contacts", prefetch_promises()
    )
    offer = get_offer_for_user(request.user, pk, queryset)
    package = offer.package()
    today = timezone.localdate()
    return render(
        request,
        "offers/detail.html",
        {
            "offer": offer,
            "contacts": offer.contacts.all(),
            "promises": offer.promises.all(),
            "money_table": compensation.table(package),
            "leaving_cost": offer.leaving_cost_table(today)
            if offer.has_repayment_clause()
            else None,
            "vesting_terms": compensation.vesting_terms(package),
            **terms_page.leaving_section(offer, today),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def add_offer(request):
    return with_token(request) or _offer_form(request, Offer(owner=request.user), layout.ADD)


@login_required
@require_http_methods(["GET", "POST"])
def edit_offer(request, pk, section=""):
    """One section of a saved offer, each a page of its own (``offers/offer_form_layout.py``)."""
    # The owner with it: the money's currency list starts with their recent ones.
    offer = get_offer_for_user(request.user, pk, Offer.objects.select_related("owner"))
    if section not in layout.SECTIONS:
        raise Http404("No such part of an offer.")
    return _offer_form(request, offer, layout.SECTIONS[section])


def _offer_form(request, offer, section):
    # Another page (such as a decision's first step) may send the user here and want them back.
    back_to = next_url(request)
    form = OfferForm(request.POST or None, instance=offer, section=section)
    context = {"offer": offer, "back_to": back_to, "section": section}
    if not offer._state.adding:
        context["other_sections"] = [
            (other, layout.section_url(offer, other))
            for other in layout.SECTIONS.values()
            if other != section
        ] + [(terms_page.SECTION, reverse("offers:edit_leaving_terms", args=[offer.pk]))]
    return _save_or_show(request, form, "offers/form.html", context, str, back_to)


@login_required
@require_http_methods(["GET", "POST"])
def delete_offer(request, pk):
    offer = get_offer_for_user(request.user, pk)
    done = f"{offer} is deleted, with its contacts."
    return delete_when_confirmed(request, offer, "offers/delete.html", done, "offers:list")


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def add_contact(request, pk):
    offer = get_offer_for_user(request.user, pk)
    return with_token(request) or _contact_form(request, Contact(offer=offer))


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
        # Adding, the form's token is claimed with the record (``crossroads/once.py``).
        saved = save_once(
            request, form.save, lambda made: done_url or made.get_absolute_url(), name
        )
        messages.success(request, f"{name(saved)} is {'added' if adding else 'saved'}.")
        # How an amount written the other way round was read (the offer form's money).
        for note in getattr(form, "reading_notes", list)():
            messages.info(request, note)
        return redirect(done_url or saved)
    context = {**context, "form": form, "adding": adding}
    # A form that names errors on other pages (the offer form's sections) gives its own summary.
    if form.is_bound and hasattr(form, "error_summary"):
        context["error_summary"] = form.error_summary()
    return render(request, template, context)


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
    every_clash = request.GET.get("clashes") == "all"
    context = listing.offer_timeline(
        request.user, _page_number(request), every_clash, timezone.localdate()
    )
    return render(request, "offers/timeline.html", context)


def _page_number(request) -> int:
    """The timeline's ``?page=``: 0 is the page with today; earlier ones are negative."""
    return whole_number(request.GET.get("page"), default=0)


@login_required
@require_GET
def offer_calendar(request):
    """The offers file, which calendar apps may also poll: asked again with nothing changed,
    a 304 that loads no row and builds nothing (``offers/conditional.py``)."""
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

    version = conditional.calendar_version(user, now, absolute, conditional.offer_reads(user))
    response = conditional.calendar_response(request, version, build)
    response["Content-Disposition"] = 'attachment; filename="crossroads-offers.ics"'
    return response
