"""Errors the GOV.UK way on every form: a title starting "Error: ", one summary at the top of the
content linking to each field (a group's first option), the message between hint and input with a
hidden "Error:", and a message in the user's words for every field left empty."""

import re

import pytest
from django.contrib.auth import forms as auth_forms
from django.forms import Field
from django.urls import reverse
from django.utils import timezone

from accounts import forms as account_forms
from crossroads import forms as auth_pages_forms
from decisions.call.forms import (
    PLAN_SECTIONS,
    CallLogForm,
    CallPlanForm,
    FollowUpForm,
    ReferralForm,
)
from decisions.models import CallPlan
from decisions.wizard.factors import FactorForm
from decisions.wizard.forms.offers import OffersForm
from decisions.wizard.forms.pros_cons import ConsiderationForm
from decisions.wizard.forms.ratings import RatingsForm
from decisions.wizard.forms.result import OutcomeForm, RecordForm
from decisions.wizard.forms.situation import SituationForm
from offers.asks.forms import AnswerForm, AskForm
from offers.forms import ContactForm, OfferForm
from offers.models import Offer, TimeAsk
from offers.offer_form_layout import SECTIONS
from tests.factories import make_decision, make_offer

DJANGO_REQUIRED = Field.default_error_messages["required"]


def _empty_forms(user):
    committed = make_offer(user, status=Offer.Status.SIGNED, company="Northwind")
    new = make_offer(user, company="Bluebird")
    decision = make_decision(user, [committed, new])
    factors, offers = list(decision.factors.all()), [committed, new]
    now = timezone.now()
    empty = {}
    return [
        account_forms.SignUpForm(empty),
        account_forms.PreferencesForm(empty, instance=user),
        account_forms.DeleteAccountForm(user, empty),
        auth_pages_forms.LoginForm(None, empty),
        auth_pages_forms.PasswordChangeForm(user, empty),
        auth_pages_forms.PasswordResetForm(empty),
        auth_pages_forms.SetPasswordForm(user, empty),
        OfferForm(empty),
        *(OfferForm(empty, instance=new, section=section) for section in SECTIONS.values()),
        ContactForm(empty),
        OffersForm(user, empty),
        SituationForm(empty, instance=decision),
        FactorForm(empty, instance=factors[1]),
        RatingsForm(factors, offers, {}, {}, empty),
        ConsiderationForm(empty, decision=decision),
        RecordForm(offers, empty),
        OutcomeForm(empty),
        *(
            CallPlanForm(decision, empty, instance=CallPlan(decision=decision), section=s, now=now)
            for s in PLAN_SECTIONS
        ),
        ReferralForm(empty),
        FollowUpForm(empty),
        CallLogForm(empty, now=now),
        AskForm(empty, instance=TimeAsk(offer=new, kind=TimeAsk.Kind.MORE_TIME)),
        AnswerForm(
            empty,
            instance=TimeAsk(offer=new, kind=TimeAsk.Kind.MORE_TIME, asked_on=now.date()),
        ),
    ]


@pytest.mark.django_db
def test_no_form_answers_an_empty_field_with_djangos_bare_message(alice):
    bare = {}
    for form in _empty_forms(alice):
        form.is_valid()
        for name, errors in form.errors.items():
            if DJANGO_REQUIRED in errors:
                bare.setdefault(type(form).__name__, []).append(name)
    assert bare == {}


def test_the_account_forms_are_ours_and_django_checks_them_the_same_way():
    assert issubclass(auth_pages_forms.LoginForm, auth_forms.AuthenticationForm)
    assert issubclass(auth_pages_forms.SetPasswordForm, auth_forms.SetPasswordForm)


@pytest.mark.django_db
def test_a_failed_offer_form_says_error_in_the_title_and_sums_up_at_the_top(alice_client):
    response = alice_client.post(
        reverse("offers:new"), {"status": "received", "vesting_schedule": "", "currency": "usd"}
    )
    html = response.content.decode()
    assert re.search(r"<title>\s*Error: Add an offer", html)
    main = html[html.index('<main id="main"') :]
    # The summary is the first thing in the content, before the heading.
    assert main.index('class="alert alert-danger error-summary"') < main.index("<h1")
    assert '<a href="#id_company">Company: Enter the company’s name.</a>' in html
    assert 'href="#"' not in html


@pytest.mark.django_db
def test_a_radio_group_s_error_links_to_its_first_option(alice_client, alice):
    # A radio group has no id of its own: the link reaches its first option.
    equity = reverse("offers:edit_section", args=[make_offer(alice).pk, "equity"])
    html = alice_client.post(equity, {"vesting_schedule": ""}).content.decode()
    assert 'href="#id_vesting_schedule_0"' in html
    assert 'id="id_vesting_schedule_0"' in html
    assert 'href="#"' not in html


@pytest.mark.django_db
def test_the_message_sits_between_hint_and_input_with_a_hidden_error_prefix(alice_client):
    html = alice_client.post(reverse("offers:new"), {"status": "received"}).content.decode()
    field = html[html.index('id="div_id_company"') :]
    hint, error, box = (
        field.index('id="id_company_helptext"'),
        field.index('id="id_company_error"'),
        field.index('<input type="text" name="company"'),
    )
    assert hint < error < box
    assert '<span class="visually-hidden">Error:</span> Enter the company’s name.' in field[:box]
    tag = re.search(r'<input type="text" name="company"[^>]*>', field).group()
    assert 'aria-invalid="true"' in tag
    assert "id_company_error" in re.search(r'aria-describedby="([^"]*)"', tag).group(1)


@pytest.mark.django_db
def test_a_page_without_a_failed_form_has_a_plain_title_and_no_summary(alice_client):
    html = alice_client.get(reverse("offers:new")).content.decode()
    assert "<title>Add an offer" in html
    assert "error-summary" not in html


@pytest.mark.django_db
def test_an_error_deep_in_the_call_plan_is_summed_up_at_the_top(alice, alice_client):
    committed = make_offer(alice, status=Offer.Status.SIGNED, company="Northwind")
    new = make_offer(alice, company="Bluebird")
    decision = make_decision(alice, [committed, new], chosen_offer=new, decided_at=timezone.now())
    response = alice_client.post(
        reverse("decisions:add_referral", args=[decision.pk]), {"referral-name": ""}
    )
    html = response.content.decode()
    assert html.count("alert-danger error-summary") == 1
    main = html[html.index('<main id="main"') :]
    assert main.index("error-summary") < main.index("<h1")
    assert '<a href="#id_referral-name">Name: Enter the person’s name.</a>' in html
    assert re.search(r"<title>\s*Error: ", html)


@pytest.mark.django_db
def test_a_group_of_checkboxes_is_reached_through_its_first_box(alice, alice_client):
    make_offer(alice, company="Northwind")
    make_offer(alice, company="Bluebird")
    html = alice_client.post(reverse("decisions:new"), {"title": "x"}).content.decode()
    assert '<a href="#id_offers_0">Offers to compare: Pick at least two offers to compare.</a>' in (
        html
    )
