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


EVERY_STAGE = [
    risk.Stage("accepted"),
    risk.Stage("signed"),
    risk.Stage("started", None),
    risk.Stage("started", 3),
    risk.Stage("started", 30),
    risk.Stage("started", 200),
]


@pytest.mark.parametrize("stage", EVERY_STAGE)
@pytest.mark.parametrize("close_knit", ["yes", "not_sure", ""])
def test_every_reason_says_why_and_what_lowers_it(stage, close_knit):
    result = risk.backing_out_risk(
        stage, close_knit, "A", Decimal(1), "USD", "First Co", accepted_while_expecting="Second"
    )
    assert len(result.reasons) == 5
    assert sum(reason.points for reason in result.reasons) == result.points
    for reason in result.reasons:
        assert isinstance(reason.text, str) and reason.text.strip()
        assert isinstance(reason.lowers_it, str) and reason.lowers_it.strip()


def test_the_reasons_come_in_order_each_with_its_points():
    result = _risk(risk.Stage("started", 30), close_knit="yes", agency="A", repayable=Decimal(1))
    assert [reason.points for reason in result.reasons] == [2, 1, Decimal("0.5"), Decimal("0.5")]
    assert result.points == Decimal(4)


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


def test_not_sure_about_the_field_is_not_called_unanswered():
    result = _risk(risk.Stage("accepted"), close_knit="not_sure")
    assert "not sure" in result.reasons[-1].text
    assert "not answered" not in result.reasons[-1].text


def test_without_a_day_of_leaving_the_money_reason_says_leaving_now():
    result = _risk(risk.Stage("signed"), repayable=Decimal(800))
    assert result.reasons[-1].text.startswith("If you leave now, you would pay back USD 800")


def test_accepting_while_expecting_another_offer_adds_advice_but_no_points():
    plain = _risk(risk.Stage("accepted"))
    result = risk.backing_out_risk(
        risk.Stage("accepted"), "no", "", Decimal(0), "USD", "First Co", None, "Second Co"
    )
    assert result.points == plain.points == 0
    assert result.level == "low"
    warned = result.reasons[-1]
    assert warned.points == 0
    assert "You accepted First Co knowing an offer from Second Co was on its way" in warned.text
    assert "chose too early" in warned.lowers_it
    assert len(result.reasons) == len(plain.reasons) + 1


@pytest.mark.parametrize(
    ("stage", "close_knit", "agency", "repayable", "points", "level"),
    [
        # Just under and exactly at 1.5: signed, plus half a point or not.
        (risk.Stage("signed"), "no", "", Decimal(0), Decimal(1), "low"),
        (risk.Stage("signed"), "no", "Talent Partners", Decimal(0), Decimal("1.5"), "medium"),
        # Just under and exactly at 3: started a month ago, plus half a point or a whole one.
        (risk.Stage("started", 30), "not_sure", "", Decimal(0), Decimal("2.5"), "medium"),
        (risk.Stage("started", 30), "not_sure", "", Decimal(100), Decimal(3), "high"),
    ],
)
def test_the_level_changes_exactly_at_one_and_a_half_and_at_three_points(
    stage, close_knit, agency, repayable, points, level
):
    result = _risk(stage, close_knit=close_knit, agency=agency, repayable=repayable)
    assert result.points == points
    assert result.level == level


def test_a_penalty_and_an_exclusion_clause_are_named_among_the_reasons():
    stage = risk.commitment_stage("signed", None, datetime.date(2026, 12, 5))
    result = risk.backing_out_risk(
        stage, "no", "", Decimal(0), "EUR", "Spree Werk",
        penalty=Decimal(5000), no_ending_before_start=True,
    )  # fmt: skip
    texts = " ".join(reason.text for reason in result.reasons)
    assert "a penalty of EUR 5,000 for not starting" in texts
    assert "rules out ending it before your first day" in texts
    plain = risk.backing_out_risk(stage, "no", "", Decimal(0), "EUR", "Spree Werk")
    assert result.points > plain.points
    assert "penalty" not in " ".join(reason.text for reason in plain.reasons)
