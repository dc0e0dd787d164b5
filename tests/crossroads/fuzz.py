"""What the fuzz tests walk: every address the app answers, filled from a world of one person's
data, and every form its pages draw, read from their HTML.

Nothing here lists pages or forms: a page or form added later is walked without anyone adding it.
What an address's parameters stand for is the one thing written down (``PARAMETERS``); an address
with a parameter not in it fails the tests, with a message saying to add it.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.export import user_data
from accounts.signup import TOKEN_SALT
from crossroads.models import PendingImport, PendingSignup
from decisions.models import CallPlan, Consideration, Decision, FollowUp, PreparedAnswer, Referral
from offers.models import ExchangeRate, Offer, Promise, TimeAsk
from reminders.mail import unsubscribe_token
from reminders.models import CalendarFeed
from tests.decisions.helpers import rate
from tests.factories import make_contact, make_decision, make_offer

# Left out of the walk, with the reason. Static files have no address here: whitenoise serves
# them before the URLs are read.
LEFT_OUT = {
    "admin/": "Django's own admin, for staff only, tested by Django",
}

# What each parameter of an address stands for, keyed by the address up to and including it:
# the same name (``pk``) is an offer under offers/ and a decision under decisions/.
PARAMETERS = {
    "accounts/signup/confirm/<str:token>": "signup_token",
    "accounts/import/<int:pk>": "pending_import",
    "accounts/reset/<uidb64>": "reset_uid",
    "accounts/reset/<uidb64>/<token>": "reset_token",
    "offers/<int:pk>": "offer",
    "offers/<int:pk>/contacts/<int:contact_pk>": "contact",
    "offers/<int:pk>/promises/<int:promise_pk>": "promise",
    "offers/<int:pk>/edit/<slug:section>": "offer_section",
    "offers/asks/<int:ask_pk>": "ask",
    "offers/rates/<int:pk>": "rate",
    "decisions/reconsider/<int:offer_pk>": "offer",
    "decisions/<int:pk>": "decision",
    "decisions/<int:pk>/call/referrals/<int:referral_pk>": "referral",
    "decisions/<int:pk>/call/follow-ups/<int:follow_up_pk>": "follow_up",
    "reminders/calendar/<str:token>": "feed_token",
    "reminders/unsubscribe/<str:token>": "unsubscribe_token",
}

_PARAMETER = re.compile(r"<(?:\w+:)?\w+>")


def routes(patterns=None, prefix: str = "") -> list[str]:
    """Every address pattern of the app, as its route text (``offers/<int:pk>/edit/``)."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route in LEFT_OUT:
            continue
        if isinstance(pattern, URLResolver):
            found += routes(pattern.url_patterns, route)
        else:
            found.append(route)
    return list(dict.fromkeys(found))


def missing_parameters(route: str) -> list[str]:
    return [
        route[: match.end()]
        for match in _PARAMETER.finditer(route)
        if route[: match.end()] not in PARAMETERS
    ]


def address(route: str, world: dict) -> str:
    """The route with each parameter filled from ``world``."""
    assert not missing_parameters(route), (
        f"Add what {missing_parameters(route)} stands for to PARAMETERS in {__file__}, "
        "so the fuzz tests can open the new address."
    )
    filled = _PARAMETER.sub(
        lambda match: str(world[PARAMETERS[route[: match.end()]]]),
        route,
    )
    return "/" + filled


def make_world(user) -> dict:
    """One person's data, some of every kind: a signed job and a new offer with contacts, a time
    ask, an exchange rate, a decision at its result with a call plan, referrals, follow-ups and
    prepared answers, a pending import, a calendar subscription. Returns each thing's id or token
    by the names ``PARAMETERS`` uses."""
    today = timezone.localdate()
    committed = make_offer(user, company="First Co", status=Offer.Status.SIGNED)
    new = make_offer(
        user, company="Second Co", respond_by=today + datetime.timedelta(days=5), currency="EUR"
    )
    contact = make_contact(committed)
    make_contact(new, name="Riley Park")
    decision = make_decision(
        user,
        [committed, new],
        chosen_offer=new,
        decided_at=timezone.now() - datetime.timedelta(days=1),
        step_reached=Decision.Step.RESULT,
        reasoning="Closer to the work I want to do.",
    )
    rate(decision, {committed: 3, new: 4})
    consideration = Consideration.objects.create(
        decision=decision, offer=new, kind="pro", text="Growth"
    )
    plan = CallPlan.objects.create(
        decision=decision,
        contact=contact,
        scheduled_at=timezone.now() + datetime.timedelta(days=1),
        opening="Hello, thank you for taking my call.",
    )
    PreparedAnswer.objects.bulk_create(
        PreparedAnswer(call_plan=plan, reaction=reaction, answer=f"Answer to {reaction.label}")
        for reaction in PreparedAnswer.Reaction
    )
    ask = TimeAsk.objects.create(
        offer=new,
        kind=TimeAsk.Kind.MORE_TIME,
        asked_on=today,
        requested_date=today + datetime.timedelta(days=12),
    )
    exchange_rate = ExchangeRate.objects.create(
        owner=user, currency="EUR", home_currency="USD", rate=Decimal("1.08"), taken_on=today
    )
    pending_signup = PendingSignup.objects.create(
        username=f"{user.username}-new", email=f"new-{user.email}", password="x"
    )
    return {
        "user": user.pk,
        "offer": committed.pk,
        "new_offer": new.pk,
        "contact": contact.pk,
        # On the committed offer, the one "offers/<int:pk>" stands for.
        "promise": Promise.objects.create(
            offer=committed, what="A remote day a week", promised_on=today, contact=contact
        ).pk,
        "decision": decision.pk,
        "offer_section": "repayment",  # the section with the most rules
        "factor": decision.factors.first().pk,
        "consideration": consideration.pk,
        "referral": Referral.objects.create(call_plan=plan, name="Sam").pk,
        "follow_up": FollowUp.objects.create(call_plan=plan, text="Return laptop", due_on=today).pk,
        "ask": ask.pk,
        "rate": exchange_rate.pk,
        "pending_import": PendingImport.objects.create(owner=user, data={}, counts={}).pk,
        "signup_token": signing.TimestampSigner(salt=TOKEN_SALT).sign(pending_signup.pk),
        "reset_uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "reset_token": default_token_generator.make_token(user),
        "feed_token": CalendarFeed.issue(user, timezone.now()),
        "unsubscribe_token": unsubscribe_token(user.pk, "answer_due"),
    }


@dataclass
class Field:
    kind: str  # the input's type, or "select" / "textarea"
    values: list[str] = field(default_factory=list)  # as drawn: what the browser would send
    options: list[str] = field(default_factory=list)  # the choices of a select, radio or checkbox


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, Field]

    @property
    def key(self) -> tuple:
        return (self.method, self.action, tuple(sorted(self.fields)))


class _FormReader(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        name = attributes.get("name", "")
        if tag == "form":
            action = urljoin(self.page, attributes.get("action") or self.page)
            self._form = Form(attributes.get("method", "get").lower(), action.split("#")[0], {})
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "option" and self._select is not None:
            self._select.options.append(attributes.get("value", ""))
            if "selected" in attributes:
                self._select.values.append(attributes.get("value", ""))
        elif tag in ("input", "button") and name:
            kind = attributes.get("type", "text" if tag == "input" else "submit").lower()
            drawn = self._form.fields.setdefault(name, Field(kind))
            value = attributes.get("value", "on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio"):
                drawn.options.append(value)
            if kind not in ("checkbox", "radio", "submit") or "checked" in attributes:
                drawn.values.append(value)
        elif tag == "select" and name:
            self._select = self._form.fields.setdefault(name, Field("select"))
        elif tag == "textarea" and name:
            self._textarea = self._form.fields.setdefault(name, Field("textarea"))
            self._textarea.values.append("")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.values[-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_on(page: str, html: str) -> list[Form]:
    """The forms drawn on ``page`` that go to this site, the CSRF token left out (the test
    client does not check it)."""
    reader = _FormReader(page)
    reader.feed(html)
    for form in reader.forms:
        form.fields.pop("csrfmiddlewaretoken", None)
    return [form for form in reader.forms if not urlsplit(form.action).netloc]


HOSTILE = {
    "NUL": "\x00",
    "100 KB": "Lorem ipsum " * 8_534,
    "right-to-left and emoji": "\u202eabc😀",
    "superscript two": "²",
    "minus one": "-1",
    "40 digits": "9" * 40,
    "year 1": "0001-01-01",
    "year 9999": "9999-12-31",
    "year 1 moment": "0001-01-01T00:00",
    "year 9999 moment": "9999-12-31T23:59",
    "unknown choice": "no-such-choice",
}
_TEXT = {"text", "textarea", "email", "tel", "search", "url", "password", "number", "hidden"}
_CHOICE = {"select", "radio", "checkbox"}
# Which kinds of field each value is typed into when the rest of the form stays as drawn.
_FITS = {
    **dict.fromkeys(HOSTILE, _TEXT),
    "year 1": _TEXT | {"date", "month"},
    "year 9999": _TEXT | {"date", "month"},
    "year 1 moment": _TEXT | {"datetime-local"},
    "year 9999 moment": _TEXT | {"datetime-local"},
    "unknown choice": _CHOICE,
}
# Which of bob's things a field's name asks for; any other field that carries an id gets his offers.
_BOBS = ("contact", "referral", "follow_up", "decision", "factor", "consideration", "ask", "rate")
# 100 KB in more fields than this makes a body Django refuses whole (DATA_UPLOAD_MAX_MEMORY_SIZE),
# before any form sees it: the value goes into this many fields a post.
_BIG_FIELDS_A_POST = 16


def _drawn(form: Form) -> dict:
    return {name: drawn.values for name, drawn in form.fields.items() if drawn.values}


def _as_sent(drawn: Field, value: str):
    if drawn.kind == "file":
        return SimpleUploadedFile("export.json", value.encode(), "application/json")
    return value


def _bobs_ids(name: str, bob: dict) -> list[str]:
    kind = next((kind for kind in _BOBS if kind in name), "offer")
    return [str(bob[kind]), str(bob["new_offer"])] if kind == "offer" else [str(bob[kind])]


def rounds(form: Form, bob: dict):
    """(what, data) for each request a form is sent: each hostile value in every field at once,
    and in the fields it fits with the rest as drawn; bob's ids; every field missing; every field
    twice."""
    fields = form.fields
    for what, value in HOSTILE.items():
        fitted = [name for name, drawn in fields.items() if drawn.kind in _FITS[what] | {"file"}]
        for variant, names, base in (
            ("everywhere", list(fields), {}),
            ("where it fits", fitted, _drawn(form)),
        ):
            if variant == "where it fits" and (not fitted or len(fitted) == len(fields)):
                continue
            step = _BIG_FIELDS_A_POST if what == "100 KB" else len(names) or 1
            for start in range(0, len(names) or 1, step):
                hostile = {
                    name: _as_sent(fields[name], value) for name in names[start : start + step]
                }
                yield f"{what} {variant}", {**base, **hostile}
    yield "bob's ids everywhere", {name: _bobs_ids(name, bob) for name in fields}
    carrying = [name for name, drawn in fields.items() if drawn.kind in _CHOICE | {"hidden"}]
    yield "bob's ids", {**_drawn(form), **{name: _bobs_ids(name, bob) for name in carrying}}
    yield "every field missing", {}
    yield (
        "every field twice",
        {
            name: (drawn.values or ["1"])[:1] + (drawn.options or ["2"])[-1:]
            for name, drawn in fields.items()
        },
    )


def _fingerprint(data: dict) -> str:
    def plain(value):
        if isinstance(value, SimpleUploadedFile):
            content = value.read()
            value.seek(0)
            return ("file", content)
        return value

    return repr(sorted((name, plain(value)) for name, value in data.items()))


def _send(client, form: Form, data: dict):
    if form.method == "post":
        return client.post(form.action, data)
    return client.get(form.action, {k: v for k, v in data.items() if isinstance(v, str | list)})


def everything_of(user) -> dict:
    data = user_data(user)
    del data["exported_at"], data["signature"]
    return data


def fuzz(client, alice, bob, shard: int, shards: int) -> dict:
    """Walk every ``shards``-th address from ``shard`` as alice (signed in on ``client``), then
    send every form found the hostile rounds. Asserts that no answer is a server error and that
    nothing of bob's changed; returns how many addresses, forms and requests it took."""
    world, bobs = make_world(alice), make_world(bob)
    bob_before = everything_of(bob)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    paths = [address(route, world) for route in routes()[shard::shards]]
    forms: dict[tuple, Form] = {}
    for path in paths:
        shown = client.get(path, follow=True)
        assert shown.status_code < 500, (path, shown.status_code)
        page = shown.redirect_chain[-1][0] if shown.redirect_chain else path
        if shown.get("Content-Type", "").startswith("text/html"):
            for form in forms_on(page, shown.content.decode()):
                forms.setdefault(form.key, form)
    # An address no drawn form goes to (a button shown only in some states) is posted all the same.
    actions = {form.action for form in forms.values()}
    for path in paths:
        if path not in actions:
            forms[("post", path, ())] = Form("post", path, {})

    requests = 0
    for form in forms.values():
        # Rolled back after each form, so a form that deletes an offer or logs alice out leaves
        # the world whole for the next one; the session's row comes back with it.
        with transaction.atomic():
            sent = set()
            for what, data in rounds(form, bobs):
                if (fingerprint := _fingerprint(data)) in sent:
                    continue
                sent.add(fingerprint)
                response = _send(client, form, data)
                requests += 1
                assert response.status_code < 500, (form.method, form.action, what)
            transaction.set_rollback(True)
        client.cookies[settings.SESSION_COOKIE_NAME] = session

    assert everything_of(bob) == bob_before
    return {"addresses": len(paths), "forms": len(forms), "requests": requests + len(paths)}
