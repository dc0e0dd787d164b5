"""``plain_field`` and ``plain_form`` give every field of every form in the app exactly the markup
crispy-forms gives it, empty, filled in and refused: the same elements, attributes and text."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.template import RequestContext, engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from crossroads.forms import DeleteAccountForm, PreferencesForm, SignUpForm
from crossroads.templatetags.plain_fields import plain_field, plain_form
from decisions.call.forms import (
    AcceptForm,
    CallLogForm,
    CallPlanForm,
    DoneForm,
    FollowUpForm,
    ReadinessForm,
    ReferralForm,
)
from decisions.call.plans import status_changes
from decisions.call.readiness import readiness_checks
from decisions.wizard.factors import FactorForm
from decisions.wizard.forms import (
    ConsiderationForm,
    OffersForm,
    OutcomeForm,
    RatingsForm,
    RecordForm,
    SituationForm,
)
from offers.asks.forms import AnswerForm, AskForm
from offers.asks.records import draft_ask
from offers.compare.forms import CompareForm
from offers.forms import ContactForm, OfferFilterForm, OfferForm
from offers.models import Offer, TimeAsk
from offers.rates.forms import HomeCurrencyForm, RateForm
from reminders.forms import ReminderSettingsForm
from reminders.models import ReminderSettings
from tests.factories import make_contact, make_decision, make_offer

pytestmark = pytest.mark.django_db

NONSENSE = '<b>"9 & x'


class _Tokens(HTMLParser):
    """Elements, attributes (in any order) and text (whitespace aside): what a browser and a
    screen reader get from the markup."""

    def __init__(self, html):
        super().__init__()
        self.tokens = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = [
            (name, " ".join(value.split()) if name == "class" else value) for name, value in attrs
        ]
        self.tokens.append(("<", tag, tuple(sorted(attrs))))

    def handle_endtag(self, tag):
        self.tokens.append((">", tag))

    def handle_data(self, data):
        if text := " ".join(data.split()):
            self.tokens.append(("text", text))


def _same(ours, crispys, what="") -> None:
    assert _Tokens(ours).tokens == _Tokens(crispys).tokens, what


def _element(tokens: list, element_id: str) -> list:
    """The tokens of the element with ``element_id``, from its start tag to its end tag."""
    start = next(i for i, t in enumerate(tokens) if t[0] == "<" and ("id", element_id) in t[2])
    depth = 0
    for end, token in enumerate(tokens[start:], start):
        depth += {"<": 1, ">": -1}.get(token[0], 0) if token[1] not in {"input", "br"} else 0
        if depth == 0:
            return tokens[start : end + 1]
    raise AssertionError(f"{element_id} is not closed")


def _render(source: str, **context) -> str:
    return engines["django"].from_string("{% load crispy_forms_tags %}" + source).render(context)


@pytest.fixture
def every_form(alice):
    """A maker of each form the app shows, in its usual setting."""
    committed = make_offer(alice, company="First Co", status=Offer.Status.SIGNED)
    chosen = make_offer(alice, company="Second <Co>", role="Analyst & Lead")
    make_offer(alice, company="Third Co", status=Offer.Status.ACCEPTED)
    make_contact(committed, name="Morgan Lee")
    decision = make_decision(
        alice, [committed, chosen], chosen_offer=chosen, decided_at=timezone.now()
    )
    factors = list(decision.factors.all())
    now, today = timezone.now(), timezone.localdate()
    asking = draft_ask(chosen, TimeAsk.Kind.MORE_TIME, committed, False, today)
    telling = draft_ask(chosen, TimeAsk.Kind.HEADS_UP, committed, True, today)
    asked = draft_ask(chosen, TimeAsk.Kind.MORE_TIME, committed, False, today)
    asked.save()
    checks = readiness_checks(committed, chosen)
    return {
        "sign up": lambda data: SignUpForm(data),
        "preferences": lambda data: PreferencesForm(data, instance=alice),
        "delete account": lambda data: DeleteAccountForm(alice, data),
        "log in": lambda data: AuthenticationForm(RequestFactory().post("/"), data),
        "password change": lambda data: PasswordChangeForm(alice, data),
        "password reset": lambda data: PasswordResetForm(data),
        "set password": lambda data: SetPasswordForm(alice, data),
        "offer": lambda data: OfferForm(data, instance=committed),
        "contact": lambda data: ContactForm(data),
        "offer filter": lambda data: OfferFilterForm(data),
        "offers step": lambda data: OffersForm(alice, data, decision=decision),
        "situation": lambda data: SituationForm(data, instance=decision),
        "factor": lambda data: FactorForm(data, instance=factors[1]),
        "new factor": lambda data: FactorForm(data),
        "ratings": lambda data: RatingsForm(factors, [committed, chosen], {}, {}, data),
        "pro or con": lambda data: ConsiderationForm(data, offer=chosen),
        "record": lambda data: RecordForm([committed, chosen], data),
        "outcome": lambda data: OutcomeForm(data),
        "call plan": lambda data: CallPlanForm(decision, data, answers={"why": "Because"}, now=now),
        "referral": lambda data: ReferralForm(data),
        "follow-up": lambda data: FollowUpForm(data),
        "call log": lambda data: CallLogForm(data, now=now),
        "done": lambda data: DoneForm(status_changes(decision), data, to_acknowledge=checks),
        "accept": lambda data: AcceptForm(chosen, data, today=today, to_acknowledge=checks),
        "readiness": lambda data: ReadinessForm(readiness_checks(committed, chosen), data),
        "ask for more time": lambda data: AskForm(data, instance=asking, today=today),
        "heads-up": lambda data: AskForm(data, instance=telling, today=today),
        "their answer": lambda data: AnswerForm(data, instance=asked),
        "compare": lambda data: CompareForm([committed, chosen], data),
        "home currency": lambda data: HomeCurrencyForm(data, instance=alice),
        "rate": lambda data: RateForm(data, home="EUR", offers=[committed, chosen]),
        "reminders": lambda data: ReminderSettingsForm(
            data, instance=ReminderSettings.for_user(alice)
        ),
    }


def _states(form) -> list[dict | None]:
    """Empty; submitted with nothing (required fields refused); and nonsense in every field."""
    nonsense = {form.add_prefix(name): NONSENSE for name in form.fields}
    return [None, {}, nonsense]


def _form(make, data):
    form = make(data)
    if data is not None:
        form.is_valid()
    return form


def test_there_is_a_form_of_every_kind(every_form):
    kinds = {
        type(field.widget) for make in every_form.values() for field in make(None).fields.values()
    }
    assert {forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple, forms.Textarea} <= kinds
    assert {forms.CheckboxInput, forms.TextInput, forms.EmailInput, forms.PasswordInput} <= kinds


def test_every_field_has_crispys_markup(every_form):
    for name, make in every_form.items():
        for data in _states(make(None)):
            for field_name in make(None).fields:
                ours = plain_field(_form(make, data)[field_name])
                crispys = _render("{{ f|as_crispy_field }}", f=_form(make, data)[field_name])
                _same(ours, crispys, f"{name}: {field_name} with {data}")


def test_every_form_has_crispys_markup(every_form):
    for name, make in every_form.items():
        for data in _states(make(None)):
            crispys = _render("{{ f|crispy }}", f=_form(make, data))
            _same(plain_form(_form(make, data)), crispys, f"{name} with {data}")


def test_radios_side_by_side_have_the_markup_of_crispys_inline_radios(every_form):
    lists = [
        (make, name)
        for make in every_form.values()
        for name, field in make(None).fields.items()
        if isinstance(field.widget, forms.RadioSelect)
    ]
    assert len(lists) >= 4
    for make, name in lists:
        for data in _states(make(None)):
            form = _form(make, data)
            helper = FormHelper()
            helper.form_tag, helper.disable_csrf = False, True
            helper.layout = Layout(InlineRadios(name))
            crispys = _Tokens(_render("{% crispy f helper %}", f=form, helper=helper)).tokens
            ours = _Tokens(plain_field(_form(make, data)[name], "inline")).tokens
            assert ours == _element(crispys, f"div_{form[name].auto_id}"), f"{name} with {data}"


def test_what_it_does_not_know_is_left_to_crispy():
    class Upload(forms.Form):
        document = forms.FileField(label="A file")
        when = forms.SplitDateTimeField(initial=datetime.datetime(2026, 5, 4, 10, 30))

    for name in ("document", "when"):
        _same(plain_field(Upload()[name]), _render("{{ f|as_crispy_field }}", f=Upload()[name]))
    _same(plain_form(Upload()), _render("{{ f|crispy }}", f=Upload()))


def _without_csrf_value(html: str) -> str:
    """The token is masked afresh at every render; where it is, and that it is, still count."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', html)


@pytest.mark.parametrize(
    "name",
    ["offer", "offer filter", "situation", "pro or con", "ask for more time", "their answer"],
)
def test_a_form_laid_out_by_its_helper_has_crispys_markup(every_form, name, rf):
    make = every_form[name]
    request = rf.get("/")
    for data in _states(make(None)):
        context = RequestContext(request, {"f": _form(make, data)})
        crispys = engines["django"].from_string("{% load crispy_forms_tags %}{% crispy f %}")
        ours = engines["django"].from_string("{% load plain_fields %}{% plain_crispy f %}")
        _same(
            _without_csrf_value(ours.template.render(context)),
            _without_csrf_value(
                crispys.template.render(RequestContext(request, {"f": _form(make, data)}))
            ),
            f"{name} with {data}",
        )


def test_the_offer_form_is_laid_out_without_crispys_templates(alice_client):
    # A layout item plain_crispy does not know hands the whole form back to crispy: a slow page
    # with the same markup. This says so if it ever happens to the app's longest form.
    response = alice_client.get(reverse("offers:new"))
    used = [template.name for template in response.templates if template.name]
    assert "offers/form.html" in used
    assert not [name for name in used if name.startswith("bootstrap5/")]
