import datetime
from decimal import Decimal

import pytest

from decisions.wizard import risk

TODAY = datetime.date(2025, 6, 30)


def _days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def _risk(stage, close_knit="no", agency="", repayable=Decimal(0)):
    return risk.backing_out_risk(stage, close_knit, agency, repayable, "USD", "First Co")


@pytest.mark.parametrize(
    ("status", "start_date", "expected"),
    [
        ("accepted", None, risk.Stage("accepted")),
        ("accepted", TODAY + datetime.timedelta(days=20), risk.Stage("accepted")),
        ("signed", TODAY + datetime.timedelta(days=1), risk.Stage("signed")),
        ("started", _days_ago(3), risk.Stage("started", 3)),
        ("started", None, risk.Stage("started", None)),
        # A start date that has passed counts as started even if the status still says signed.
        ("signed", _days_ago(10), risk.Stage("started", 10)),
        ("accepted", TODAY, risk.Stage("started", 0)),
    ],
)
def test_the_stage_comes_from_the_status_and_the_dates(status, start_date, expected):
    assert risk.commitment_stage(status, start_date, TODAY) == expected


@pytest.mark.parametrize("status", ["received", "expected", "declined", "backed_out"])
def test_an_offer_not_committed_has_no_stage(status):
    assert risk.commitment_stage(status, None, TODAY) is None


def test_the_stage_reads_as_people_say_it():
    assert risk.Stage("accepted").describe() == "Accepted, not signed yet"
    assert risk.Stage("signed").describe() == "Signed, not started yet"
    assert risk.Stage("started", 0).describe() == "Started today"
    assert risk.Stage("started", 1).describe() == "Started yesterday"
    assert risk.Stage("started", 12).describe() == "Started 12 days ago"


@pytest.mark.parametrize(
    ("stage", "points"),
    [
        (risk.Stage("accepted"), 0),
        (risk.Stage("signed"), 1),
        (risk.Stage("started", 0), 1),
        (risk.Stage("started", 7), 1),
        (risk.Stage("started", 8), 2),
        (risk.Stage("started", 90), 2),
        (risk.Stage("started", 91), 3),
        (risk.Stage("started", None), 2),
    ],
)
def test_the_stage_points(stage, points):
    assert _risk(stage).points == points


@pytest.mark.parametrize(
    ("answer", "points"), [("yes", Decimal(1)), ("not_sure", Decimal("0.5")), ("no", 0)]
)
def test_a_close_knit_field_adds_points(answer, points):
    assert _risk(risk.Stage("accepted"), close_knit=answer).points == points


def test_an_unanswered_close_knit_question_counts_as_not_sure_and_says_so():
    result = _risk(risk.Stage("accepted"), close_knit="")
    assert result.points == Decimal("0.5")
    assert "not answered" in result.reasons[-1].text


def test_an_agency_and_money_to_repay_add_half_a_point_each_with_reasons():
    result = _risk(risk.Stage("accepted"), agency="Talent Partners", repayable=Decimal(5000))
    assert result.points == Decimal(1)
    texts = " ".join(reason.text for reason in result.reasons)
    assert "Talent Partners" in texts
    assert "USD 5,000" in texts
    assert any("agency too" in reason.lowers_it for reason in result.reasons)
    assert any("lawyer" in reason.lowers_it for reason in result.reasons)


def test_every_reason_says_what_lowers_it():
    result = _risk(risk.Stage("started", 30), close_knit="yes", agency="A", repayable=Decimal(1))
    assert len(result.reasons) == 4
    assert sum(reason.points for reason in result.reasons) == result.points == Decimal(4)
    assert all(reason.text and reason.lowers_it for reason in result.reasons)


@pytest.mark.parametrize(
    ("points", "level"),
    [
        (Decimal(0), "low"),
        (Decimal("1.0"), "low"),
        (Decimal("1.4"), "low"),
        (Decimal("1.5"), "medium"),
        (Decimal("2.5"), "medium"),
        (Decimal("2.9"), "medium"),
        (Decimal(3), "high"),
        (Decimal("5.5"), "high"),
    ],
)
def test_risk_levels_at_the_boundaries(points, level):
    assert risk.level_for(points) == level


def test_levels_from_whole_situations():
    # Accepted, field not close-knit, no agency, nothing to repay: low.
    assert _risk(risk.Stage("accepted")).level == "low"
    # Signed and not sure about the field: 1.5, medium.
    assert _risk(risk.Stage("signed"), close_knit="not_sure").level == "medium"
    # Started a month ago in a close-knit field: 3, high.
    assert _risk(risk.Stage("started", 30), close_knit="yes").level == "high"


def test_the_money_reason_names_the_day_of_leaving_and_the_exact_amount():
    result = risk.backing_out_risk(
        risk.Stage("started", 3), "no", "", Decimal("2500"), "EUR", "Northwind", TODAY
    )
    texts = [reason.text for reason in result.reasons]
    assert "If you leave on 30 June 2025, you would pay back EUR 2,500 to Northwind" in texts[-1]


def test_no_money_owed_adds_no_point_and_no_reason():
    result = _risk(risk.Stage("accepted"), repayable=Decimal(0))
    assert result.points == 0
    assert not any("pay back" in reason.text for reason in result.reasons)
