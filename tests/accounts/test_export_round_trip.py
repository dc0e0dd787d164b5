"""Export, delete everything, import, export again: the two files hold the same data, apart from
ids and the times records were created, for generated accounts of every shape."""

import datetime
import itertools
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.export import SECTIONS, user_data
from accounts.restore import RESTORED, read_export, restore
from decisions.models import (
    CallPlan,
    Consideration,
    Decision,
    Factor,
    FollowUp,
    NoticeLetter,
    PreparedAnswer,
    Rating,
    Referral,
    SkippedCheck,
)
from offers.models import Contact, ExchangeRate, LeavingTerms, Offer, Promise, TimeAsk
from tests.factories import make_user

pytestmark = pytest.mark.django_db

_users = itertools.count()
words = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
notes = st.text(
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=200
)
money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False)
days = st.dates(datetime.date(2020, 1, 1), datetime.date(2035, 12, 31))
moments = st.datetimes(
    datetime.datetime(2020, 1, 1), datetime.datetime(2035, 12, 31), timezones=st.just(datetime.UTC)
)


def _offer(draw, owner):
    offer = Offer.objects.create(
        owner=owner,
        company=draw(words),
        role=draw(words),
        status=draw(st.sampled_from(Offer.Status.values)),
        currency=draw(st.sampled_from(["USD", "EUR", "GBP", "JPY"])),
        base_salary=draw(money),
        signing_bonus=draw(money),
        respond_by=draw(st.none() | days),
        start_date=draw(st.none() | days),
        vesting_percentages=draw(st.lists(st.integers(0, 100), max_size=4)),
        written_offer_in_hand=draw(st.booleans()),
        notes=draw(notes),
        agency_name=draw(st.just("") | words),
    )
    contacts = [
        Contact.objects.create(
            offer=offer,
            name=draw(words),
            role=draw(st.sampled_from(Contact.Role.values)),
            phone=draw(st.just("") | st.just("+1 555 0100")),
            notes=draw(notes),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    for _ in range(draw(st.integers(0, 1))):
        _time_ask(draw, offer, contacts)
    if draw(st.booleans()):
        _leaving_terms(draw, offer)
    for _ in range(draw(st.integers(0, 2))):
        Promise.objects.create(
            offer=offer,
            what=draw(words),
            contact=draw(st.none() | st.sampled_from(contacts)) if contacts else None,
            promised_by=draw(st.just("") | words),
            promised_on=draw(days),
            how=draw(st.sampled_from(Promise.How.values)),
            found_in_writing=draw(st.booleans()),
        )
    return offer


def _leaving_terms(draw, offer):
    LeavingTerms.objects.create(
        offer=offer,
        country=draw(st.sampled_from(["", "DE", "GB", "US", "JP"])),
        notice_amount=draw(st.none() | st.integers(0, 24)),
        notice_unit=draw(st.sampled_from(["days", "weeks", "months"])),
        notice_to=draw(st.sampled_from(["", "mid_or_end", "month_end"])),
        probation_months=draw(st.none() | st.integers(0, 12)),
        no_ending_before_start=draw(st.booleans()),
        notice_in_writing=draw(st.booleans()),
        no_start_penalty=draw(st.none() | money),
        non_compete_months=draw(st.none() | st.integers(0, 24)),
    )


def _time_ask(draw, offer, contacts):
    asked_on = draw(days)
    answer = draw(st.sampled_from(TimeAsk.Answer.values))
    others = list(Offer.objects.filter(owner=offer.owner).exclude(pk=offer.pk))
    TimeAsk.objects.create(
        offer=offer,
        other_offer=draw(st.none() | st.sampled_from(others)) if others else None,
        kind=draw(st.sampled_from(TimeAsk.Kind.values)),
        asked_on=asked_on,
        channel=draw(st.sampled_from(TimeAsk.Channel.values)),
        contact=draw(st.none() | st.sampled_from(contacts)) if contacts else None,
        script=draw(notes),
        answer=answer,
        answered_on=None if answer == "pending" else asked_on + datetime.timedelta(days=1),
        new_date=draw(days) if answer in TimeAsk.MOVES_DATE else None,
    )


def _decision(draw, owner, offers):
    chosen = draw(st.lists(st.sampled_from(offers), unique=True, max_size=3)) if offers else []
    decision = Decision.objects.create(
        owner=owner,
        title=draw(words),
        committed_offer=draw(st.none() | st.sampled_from(chosen)) if chosen else None,
        chosen_offer=draw(st.none() | st.sampled_from(chosen)) if chosen else None,
        horizon_years=draw(st.integers(1, 4)),
        step_reached=draw(st.integers(1, 6)),
        close_knit_field=draw(st.sampled_from(["", *Decision.Answer.values])),
        reasoning=draw(notes),
        decided_at=draw(st.none() | moments),
    )
    decision.offers.set(chosen)
    names = draw(st.lists(words, min_size=1, max_size=4, unique_by=str.lower))
    factors = [
        Factor.objects.create(
            decision=decision,
            name=name,
            weight=draw(st.integers(0, 5)),
            position=i,
            is_compensation=i == 0,
        )
        for i, name in enumerate(names)
    ]
    for factor, offer in itertools.product(factors, chosen):
        if draw(st.booleans()):
            Rating.objects.create(factor=factor, offer=offer, score=draw(st.integers(1, 5)))
    for offer in chosen:
        for _ in range(draw(st.integers(0, 2))):
            Consideration.objects.create(
                decision=decision,
                offer=offer,
                kind=draw(st.sampled_from(Consideration.Kind.values)),
                term=draw(st.sampled_from(Consideration.Term.values)),
                text=draw(words),
            )
    if draw(st.booleans()):
        _call_plan(draw, decision)


def _call_plan(draw, decision):
    contacts = list(Contact.objects.filter(offer__in=decision.offers.all()))
    plan = CallPlan.objects.create(
        decision=decision,
        contact=draw(st.none() | st.sampled_from(contacts)) if contacts else None,
        scheduled_at=draw(st.none() | moments),
        channel=draw(st.sampled_from(CallPlan.Channel.values)),
        opening=draw(notes),
        done_at=draw(st.none() | moments),
    )
    for _ in range(draw(st.integers(0, 2))):
        Referral.objects.create(call_plan=plan, name=draw(words))
    if draw(st.booleans()):
        NoticeLetter.objects.create(
            decision=decision, sent_on=draw(days), text=draw(notes), logged_at=draw(moments)
        )
    for reaction in draw(st.lists(st.sampled_from(PreparedAnswer.Reaction.values), unique=True)):
        PreparedAnswer.objects.create(call_plan=plan, reaction=reaction, answer=draw(notes))
    for name in draw(st.lists(st.sampled_from(SkippedCheck.Name.values), unique=True)):
        SkippedCheck.objects.create(
            call_plan=plan, check_name=name, acknowledgement=draw(words), skipped_at=draw(moments)
        )
    for _ in range(draw(st.integers(0, 2))):
        FollowUp.objects.create(
            call_plan=plan,
            text=draw(words),
            due_on=draw(st.none() | days),
            done=draw(st.booleans()),
        )


def _normalised(export: dict) -> dict:
    """The export with each id replaced by the record's place in its list, references alike,
    and without the moments records were created or changed."""
    place = {
        section.model: {row["id"]: n for n, row in enumerate(export[section.name])}
        for section in SECTIONS
    }
    out = {"account": export["account"]}
    for section in SECTIONS:
        fields = {f.name: f for f in section.model._meta.get_fields() if hasattr(f, "attname")}
        rows = []
        for row in export[section.name]:
            clean = {}
            for name, value in row.items():
                field = fields.get(name)
                if (
                    name == "id"
                    or getattr(field, "auto_now", False)
                    or getattr(field, "auto_now_add", False)
                ):
                    continue
                if field is not None and field.many_to_many:
                    value = sorted(place[field.related_model][pk] for pk in value)
                elif field is not None and field.is_relation and value is not None:
                    value = place[field.related_model][value]
                clean[name] = value
            rows.append(clean)
        out[section.name] = rows
    return out


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_export_delete_import_export_loses_nothing(db, data):
    owner = make_user(f"round{next(_users)}")
    offers = [_offer(data.draw, owner) for _ in range(data.draw(st.integers(0, 3)))]
    for currency in data.draw(st.lists(st.sampled_from(["EUR", "GBP", "JPY"]), unique=True)):
        ExchangeRate.objects.create(
            owner=owner,
            currency=currency,
            home_currency="USD",
            rate=data.draw(st.decimals(Decimal("0.0001"), Decimal("1000"), places=4)),
            taken_on=data.draw(days),
            source=data.draw(st.just("") | words),
        )
    for offer in offers:  # an offer may point to another (accepted while one was expected)
        offer.accepted_despite_expected_offer = data.draw(st.none() | st.sampled_from(offers))
        offer.save(update_fields=["accepted_despite_expected_offer"])
    for _ in range(data.draw(st.integers(0, 2))):
        _decision(data.draw, owner, offers)
    first = user_data(owner)

    Decision.objects.filter(owner=owner).delete()
    Offer.objects.filter(owner=owner).delete()
    ExchangeRate.objects.filter(owner=owner).delete()
    assert all(not user_data(owner)[section.name] for section in RESTORED)

    upload = SimpleUploadedFile("export.json", json.dumps(first).encode())
    restore(owner, read_export(upload))
    second = user_data(owner)

    assert _normalised(second) == _normalised(first)
    assert sum(len(first[s.name]) for s in SECTIONS) == sum(len(second[s.name]) for s in SECTIONS)


def test_money_keeps_its_cents_through_the_round_trip(alice):
    Offer.objects.create(owner=alice, company="A", role="B", base_salary=Decimal("1234.50"))
    first = user_data(alice)
    Offer.objects.filter(owner=alice).delete()
    restore(alice, read_export(SimpleUploadedFile("e.json", json.dumps(first).encode())))
    assert Offer.objects.get(owner=alice).base_salary == Decimal("1234.50")
