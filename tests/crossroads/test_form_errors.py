"""Errors the GOV.UK way on every form: a title starting "Error: ", one summary at the top of the
content linking to each field (a group's first option), the message between hint and input with a
hidden "Error:", and a message in the user's words for every field left empty."""

import importlib
import pkgutil
import re

import pytest
from django import forms
from django.contrib.auth import forms as auth_forms
from django.core import validators
from django.forms import BaseForm, Field
from django.forms import fields as django_fields
from django.forms import models as django_models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise

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
from offers.promises.forms import FoundForm, PromiseForm
from offers.promises.models import Promise as OfferPromise
from offers.withdrawals.forms import WithdrawForm
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
        PromiseForm(empty, instance=OfferPromise(offer=new)),
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
        *(
            form
            for kind in (TimeAsk.Kind.MORE_TIME, TimeAsk.Kind.START_LATER)
            for form in (
                AskForm(empty, instance=TimeAsk(offer=new, kind=kind)),
                AnswerForm(empty, instance=TimeAsk(offer=new, kind=kind, asked_on=now.date())),
            )
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


# Every form class of the project, and how to make one with its fields as a page draws them
# (the fields some forms add for what they are given: an acknowledgement per open check, a box
# per status change). A form class missing here fails the walk below, so none is left unread.
APPS = ("crossroads", "offers", "decisions", "reminders", "accounts")


def _form_builders(user) -> dict:
    from decisions.call.gate import AcceptForm, DoneForm, GateForm, ReadinessForm
    from decisions.call.letter import LetterSentForm
    from decisions.call.plans import status_changes
    from decisions.call.readiness import readiness_checks
    from offers.compare.forms import CompareForm
    from offers.forms import OfferFilterForm
    from offers.rates.forms import HomeCurrencyForm, RateForm
    from offers.terms.forms import LeavingTermsForm
    from offers.terms.models import LeavingTerms
    from reminders.forms import ReminderSettingsForm
    from reminders.models import ReminderSettings

    committed = make_offer(user, status=Offer.Status.SIGNED, company="Northwind")
    new = make_offer(user, company="Bluebird", currency="EUR")
    decision = make_decision(user, [committed, new], chosen_offer=new, decided_at=timezone.now())
    factors, offers, checks = list(decision.factors.all()), [committed, new], None
    checks = readiness_checks(committed, new)
    now, today = timezone.now(), timezone.localdate()
    plan = CallPlan(decision=decision)
    return {
        account_forms.SignUpForm: lambda: [account_forms.SignUpForm()],
        account_forms.PreferencesForm: lambda: [account_forms.PreferencesForm(instance=user)],
        account_forms.DeleteAccountForm: lambda: [account_forms.DeleteAccountForm(user)],
        account_forms.ImportForm: lambda: [account_forms.ImportForm(user)],
        account_forms.ImportSettingsForm: lambda: [
            account_forms.ImportSettingsForm({"time_zone": "Europe/Prague"})
        ],
        auth_pages_forms.LoginForm: lambda: [auth_pages_forms.LoginForm(None)],
        auth_pages_forms.PasswordChangeForm: lambda: [auth_pages_forms.PasswordChangeForm(user)],
        auth_pages_forms.PasswordResetForm: lambda: [auth_pages_forms.PasswordResetForm()],
        auth_pages_forms.SetPasswordForm: lambda: [auth_pages_forms.SetPasswordForm(user)],
        OfferForm: lambda: [
            OfferForm(),
            *(OfferForm(instance=new, section=section) for section in SECTIONS.values()),
        ],
        OfferFilterForm: lambda: [OfferFilterForm()],
        ContactForm: lambda: [ContactForm()],
        CompareForm: lambda: [CompareForm(offers)],
        HomeCurrencyForm: lambda: [HomeCurrencyForm(instance=user)],
        RateForm: lambda: [RateForm(home="CZK", offers=offers)],
        AskForm: lambda: [
            AskForm(instance=TimeAsk(offer=new, kind=kind)) for kind in TimeAsk.Kind.values
        ],
        AnswerForm: lambda: [
            AnswerForm(instance=TimeAsk(offer=new, kind=kind, asked_on=today))
            for kind in TimeAsk.Kind.values
        ],
        OffersForm: lambda: [OffersForm(user), OffersForm(user, decision=decision)],
        SituationForm: lambda: [SituationForm(instance=decision)],
        FactorForm: lambda: [FactorForm(instance=factors[1]), FactorForm()],
        RatingsForm: lambda: [RatingsForm(factors, offers, {}, {})],
        ConsiderationForm: lambda: [ConsiderationForm(decision=decision)],
        RecordForm: lambda: [RecordForm(offers)],
        OutcomeForm: lambda: [OutcomeForm()],
        CallPlanForm: lambda: [
            CallPlanForm(decision, instance=plan, section=section, now=now)
            for section in PLAN_SECTIONS
        ],
        ReferralForm: lambda: [ReferralForm()],
        FollowUpForm: lambda: [FollowUpForm()],
        CallLogForm: lambda: [CallLogForm(now=now)],
        GateForm: lambda: [GateForm(to_acknowledge=checks)],
        DoneForm: lambda: [DoneForm(status_changes(decision), to_acknowledge=checks)],
        AcceptForm: lambda: [AcceptForm(new, today=today, to_acknowledge=checks)],
        ReadinessForm: lambda: [ReadinessForm(checks)],
        ReminderSettingsForm: lambda: [ReminderSettingsForm(instance=ReminderSettings(user=user))],
        WithdrawForm: lambda: [WithdrawForm(new_employer="Bluebird")],
        LeavingTermsForm: lambda: [LeavingTermsForm(instance=LeavingTerms(offer=committed))],
        LetterSentForm: lambda: [LetterSentForm(today=today)],
        PromiseForm: lambda: [PromiseForm(instance=OfferPromise(offer=new))],
        FoundForm: lambda: [FoundForm(instance=OfferPromise(offer=new))],
    }


def _project_form_classes() -> set:
    """Every form class defined in the project's apps, found by importing their modules."""
    for app in APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)
    found, todo = set(), [BaseForm]
    while todo:
        for cls in todo.pop().__subclasses__():
            todo.append(cls)
            if cls.__module__.split(".")[0] in APPS:
                found.add(cls)
    return found


class _AnyValues(dict):
    """Values for any placeholder of a message, so that a plural one ("at most %(max)d
    character(s)") reads as words."""

    def __missing__(self, key):
        return 2


def _words(message) -> str:
    try:
        return str(message % _AnyValues())
    except (TypeError, ValueError):
        return str(message)


def _djangos_own_messages() -> set[str]:
    """Every message Django's form fields, validators and auth forms come with, as words."""
    texts = set()
    for module in (django_fields, django_models, auth_forms):
        for value in vars(module).values():
            if isinstance(value, type):
                for cls in value.__mro__:
                    texts |= {
                        _words(m) for m in vars(cls).get("default_error_messages", {}).values()
                    }
                    texts |= {_words(m) for m in (vars(cls).get("error_messages") or {}).values()}
    for value in vars(validators).values():
        if isinstance(value, type):
            message, messages = vars(value).get("message", ""), vars(value).get("messages", {})
            texts.add(_words(message) if isinstance(message, str | Promise) else "")
            texts |= {_words(m) for m in messages.values()} if isinstance(messages, dict) else set()
    texts.discard("")
    return texts


def _possible_errors(field) -> dict[str, str]:
    """The errors ``field`` can give (by code) and the words each would show."""
    if field.disabled:
        return {}
    codes = set(field.error_messages) - {"required"}
    if field.required:
        codes.add("required")
    if isinstance(field, forms.FileField):
        # Only a clearable file input on a saved file can contradict itself; a name too long
        # only with a limit.
        codes -= {"contradiction"} | (set() if field.max_length else {"max_length"})
    from_validators = {}
    for validator in field.validators:
        if isinstance(validator, validators.DecimalValidator):
            digits, places = validator.max_digits, validator.decimal_places
            possible = {"max_digits": digits, "max_decimal_places": places}
            possible["max_whole_digits"] = digits is not None and places is not None or None
            for code, can in possible.items():
                if can is not None:
                    from_validators[code] = validator.messages[code]
        elif getattr(validator, "code", None):
            from_validators[validator.code] = getattr(validator, "message", "")
    messages = {code: field.error_messages.get(code) for code in codes}
    for code, default in from_validators.items():
        messages[code] = field.error_messages.get(code, default)
    return {code: _words(message) for code, message in messages.items()}


@pytest.mark.django_db
def test_every_form_of_the_project_is_walked(alice):
    assert _project_form_classes() - set(_form_builders(alice)) == set()


@pytest.mark.django_db
def test_no_field_of_any_form_would_show_a_django_default_message(alice):
    djangos = _djangos_own_messages()
    found = []
    for form_class, build in _form_builders(alice).items():
        for form in build():
            for name, field in form.fields.items():
                for code, message in _possible_errors(field).items():
                    if message in djangos:
                        found.append(f"{form_class.__name__}.{name} {code}: {message}")
            for code, message in (getattr(form, "error_messages", None) or {}).items():
                if str(message) in djangos:
                    found.append(f"{form_class.__name__} {code}: {message}")
    assert not found, "\n".join(sorted(set(found)))


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
    html = alice_client.get(reverse("offers:new"), follow=True).content.decode()
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


def test_a_number_field_gets_the_words_for_what_it_reads():
    from crossroads.errors import use_own_messages

    class Numbers(forms.Form):
        whole = forms.IntegerField(min_value=1)
        decimal = forms.DecimalField(max_digits=4, decimal_places=1)
        email = forms.EmailField(required=False)

    form = Numbers({"whole": "0", "decimal": "12.5x", "email": "nobody"})
    use_own_messages(form)
    assert form.errors == {
        "whole": ["Enter 1 or more."],
        "decimal": ["Enter a number in digits, such as 12.5."],
        "email": ["Enter an e-mail address such as name@example.com."],
    }
    form = Numbers({"whole": "1.5", "decimal": "12345"})
    use_own_messages(form)
    assert form.errors == {
        "whole": ["Enter a whole number in digits, such as 12."],
        "decimal": ["That is more than we can store: at most 4 digits in all."],
    }
