"""A realistic account exported, imported through the pages into a second live account (while the
first still exists) and into one that already has data, then exported again: the same file apart
from ids and timestamps, with the settings taken when ticked."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.export import SECTIONS
from accounts.restore import RESTORED, SETTINGS
from crossroads.models import PendingImport
from decisions.models import (
    CallPlan,
    Consideration,
    Decision,
    FollowUp,
    NoticeLetter,
    PreparedAnswer,
    Rating,
    Referral,
    SkippedCheck,
)
from offers.models import ExchangeRate, LeavingTerms, Offer, Promise, TimeAsk
from tests.accounts.test_export_round_trip import _normalised
from tests.factories import make_contact, make_decision, make_offer, make_user

pytestmark = pytest.mark.django_db


def _fill(user):
    """Prague accepted and started, Amsterdam received and due in 4 days, Moldau Bank expected in
    9 days; a decision with ratings, pros and cons and a call plan; a rate; an ask; promises
    about Amsterdam, one found in writing, one not, with a skipped check for it."""
    today = timezone.localdate()
    user.time_zone, user.number_format, user.home_currency = "Europe/Prague", "en_CZ", "CZK"
    user.save()
    prague = make_offer(
        user,
        company="Prague Co",
        role="Data Engineer",
        currency="CZK",
        status=Offer.Status.STARTED,
        base_salary=Decimal("1200000.00"),
        signing_bonus=Decimal("50000"),
        received_on=today - datetime.timedelta(days=60),
        accepted_on=today - datetime.timedelta(days=50),
        start_date=today - datetime.timedelta(days=20),
        repayment_amount=Decimal("50000"),
        repayment_until=today + datetime.timedelta(days=300),
        notice_period="One month",
    )
    amsterdam = make_offer(
        user,
        company="Amsterdam Co",
        role="Senior Data Engineer",
        currency="EUR",
        base_salary=Decimal("72000"),
        target_bonus_percent=Decimal("10"),
        equity_value=Decimal("40000"),
        received_on=today - datetime.timedelta(days=2),
        respond_by=today + datetime.timedelta(days=4),
        written_offer_in_hand=True,
    )
    moldau = make_offer(
        user,
        company="Moldau Bank",
        role="Analytics Lead",
        currency="CZK",
        status=Offer.Status.EXPECTED,
        base_salary=Decimal(0),
        expected_on=today + datetime.timedelta(days=9),
    )
    LeavingTerms.objects.create(
        offer=prague,
        country="CZ",
        probation_months=3,
        probation_notice_amount=0,
        notice_amount=2,
        notice_unit="months",
        notice_in_writing=True,
        no_start_penalty=Decimal("100000.00"),
        non_compete_months=6,
        non_compete_paid=True,
    )
    manager = make_contact(prague, name="Morgan Lee", phone="+420 555 0142")
    recruiter = make_contact(amsterdam, name="Sam Ortiz", email="sam@example.com")
    Promise.objects.create(
        offer=amsterdam,
        what="A remote day a week",
        contact=recruiter,
        promised_on=today - datetime.timedelta(days=3),
        how=Promise.How.VIDEO,
    )
    Promise.objects.create(
        offer=amsterdam,
        what="The title Senior Data Engineer",
        promised_by="The head of data",
        promised_on=today - datetime.timedelta(days=4),
        found_in_writing=True,
    )
    ExchangeRate.objects.create(
        owner=user,
        currency="EUR",
        home_currency="CZK",
        rate=Decimal("25.1"),
        taken_on=today - datetime.timedelta(days=1),
        source="my bank",
    )
    TimeAsk.objects.create(
        offer=amsterdam,
        other_offer=moldau,
        kind=TimeAsk.Kind.MORE_TIME,
        asked_on=today - datetime.timedelta(days=1),
        contact=recruiter,
        script="Could I have until the 20th?",
        requested_date=today + datetime.timedelta(days=12),
    )
    TimeAsk.objects.create(
        offer=amsterdam,
        other_offer=prague,
        kind=TimeAsk.Kind.START_LATER,
        asked_on=today - datetime.timedelta(days=2),
        requested_date=today + datetime.timedelta(days=40),
        answer=TimeAsk.Answer.GRANTED,
        answered_on=today - datetime.timedelta(days=1),
        new_date=today + datetime.timedelta(days=40),
        previous_date=today + datetime.timedelta(days=20),
    )
    decision = make_decision(
        user,
        [prague, amsterdam, moldau],
        title="Stay in Prague?",
        chosen_offer=amsterdam,
        decided_at=timezone.now() - datetime.timedelta(hours=3),
        reasoning="The work I want to do.",
        horizon_years=3,
        close_knit_field=Decision.Answer.NO,
    )
    for position, factor in enumerate(decision.factors.all()):
        for score, offer in zip((3, 4, 2), (prague, amsterdam, moldau), strict=True):
            Rating.objects.create(factor=factor, offer=offer, score=max(1, score - position % 2))
    Consideration.objects.create(
        decision=decision, offer=amsterdam, kind="pro", term="long_term", text="Faster growth"
    )
    Consideration.objects.create(
        decision=decision, offer=prague, kind="con", term="immediate", text="Long commute"
    )
    plan = CallPlan.objects.create(
        decision=decision,
        contact=manager,
        scheduled_at=timezone.now() + datetime.timedelta(days=1),
        opening="Hello Morgan, thank you for taking my call.",
    )
    Referral.objects.create(call_plan=plan, name="A former colleague")
    NoticeLetter.objects.create(
        decision=decision,
        sent_on=today,
        text="Dear Morgan,\n\nI give notice.",
        logged_at=timezone.now(),
    )
    PreparedAnswer.objects.create(call_plan=plan, reaction="anger", answer="I understand.")
    FollowUp.objects.create(call_plan=plan, text="Return the laptop", due_on=today)
    SkippedCheck.objects.create(
        call_plan=plan,
        check_name="terms_reviewed",
        acknowledgement="I go ahead without a legal review",
        skipped_at=timezone.now(),
    )
    SkippedCheck.objects.create(
        call_plan=plan,
        check_name="promises_in_writing",
        acknowledgement="I go ahead without everything Amsterdam Co promised in writing",
        skipped_at=timezone.now(),
    )


def _export(client) -> dict:
    response = client.get(reverse("export_data"))
    assert response.status_code == 200
    return json.loads(response.content)


def _import(client, data, take_settings=True):
    upload = SimpleUploadedFile("export.json", json.dumps(data).encode(), "application/json")
    preview = client.post(reverse("import_data"), {"file": upload})
    assert preview.status_code == 302, preview.content.decode()
    page = client.get(preview.url).content.decode()
    assert "Also use the file's settings: time zone Europe/Prague" in page.replace("&#x27;", "'")
    done = client.post(preview.url, {"take_settings": "on"} if take_settings else {})
    assert done.status_code == 302 and done.url == reverse("home")
    assert not PendingImport.objects.exists()


def _restored(export: dict, before: dict | None = None, new: bool = True) -> dict:
    """The sections an import restores, normalised (ids as places, no timestamps). With
    ``before`` (the export the account gave before the import): only the records added since
    (``new``), or only those it had."""
    kept = {}
    for section in SECTIONS:
        had = {row["id"] for row in (before or {}).get(section.name, [])}
        kept[section.name] = [row for row in export[section.name] if (row["id"] in had) != new]
    normalised = _normalised({**kept, "account": {}})
    return {section.name: normalised[section.name] for section in RESTORED}


def test_an_import_into_a_second_live_account_exports_the_same_file(client, alice, bob):
    _fill(alice)
    client.force_login(alice)
    first = _export(client)
    assert len(first["offers"]) == 3 and len(first["skipped_checks"]) == 2
    assert len(first["promises"]) == 2
    assert {row["kind"] for row in first["time_asks"]} == {"more_time", "start_later"}
    client.force_login(bob)

    _import(client, first)
    second = _export(client)

    assert _restored(second) == _restored(first)
    bob.refresh_from_db()
    assert {name: getattr(bob, name) for name in SETTINGS} == {
        name: first["account"][name] for name in SETTINGS
    }
    # The first account is untouched, and the two share no record.
    client.force_login(alice)
    assert _restored(_export(client)) == _restored(first)
    assert not {row["id"] for row in first["offers"]} & {row["id"] for row in second["offers"]}


def test_an_import_into_an_account_with_data_of_its_own_adds_the_same_records(
    client, alice, charlie
):
    _fill(alice)
    client.force_login(alice)
    first = _export(client)
    make_offer(charlie, company="Charlie's Co", currency="USD")
    decision = make_decision(charlie, list(Offer.objects.filter(owner=charlie)))
    CallPlan.objects.create(decision=decision, opening="Hi.")
    client.force_login(charlie)
    before = _export(client)

    _import(client, first, take_settings=False)
    after = _export(client)

    assert _restored(after, before) == _restored(first)
    # Its own records are still there, unchanged, and its own settings kept (not ticked).
    assert _restored(after, before, new=False) == _restored(before)
    charlie.refresh_from_db()
    assert charlie.home_currency == before["account"]["home_currency"]
    assert charlie.time_zone == before["account"]["time_zone"]


def test_a_second_account_imports_the_file_after_the_first_imported_it_too(client, alice, bob):
    """Both accounts live, both holding the same records: each import is its own."""
    _fill(alice)
    client.force_login(alice)
    first = _export(client)
    other = make_user("dana")
    for user in (bob, other):
        client.force_login(user)
        _import(client, first)
        assert _restored(_export(client)) == _restored(first)
