"""Every bad input gets a message next to its field, and nothing is saved or changed."""

import datetime

import pytest
from django.urls import reverse

from crossroads.models import User
from crossroads.text import LONG_TEXT_LIMIT, NUL_MESSAGE
from offers import offer_form_layout as layout
from offers.forms import DATE_FIELDS, MONEY_FIELDS
from offers.models import Offer
from tests.factories import make_offer
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db
ADD = reverse("offers:new")

TEXT_FIELDS = [
    "company",
    "role",
    "location",
    "agency_name",
    "notice_period",
    "repayment_terms",
    "notes",
    "vesting_percentages",
]


def iso(date):
    return date.isoformat()


def refused(client, field, **data):
    """Post the form that holds ``field`` with ``data``: adding an offer, or else the section of
    a saved offer that holds it. Return the errors on ``field`` after checking that the form came
    back and nothing was saved or changed."""
    if field in layout.ADD.field_names():
        url = ADD
    else:
        owner = User.objects.get(pk=client.session["_auth_user_id"])
        url = layout.section_url(make_offer(owner), layout.section_of(field))
    before = list(Offer.objects.values())
    response = client.post(url, offer_form_data(**data))
    assert response.status_code == 200, "the form should come back with its errors"
    assert list(Offer.objects.values()) == before
    errors = response.context["form"].errors
    assert field in errors, f"expected an error on {field}, got {dict(errors)}"
    assert f'href="#id_{field}' in response.content.decode()
    return " ".join(errors[field])


def test_it_rejects_a_deadline_before_the_offer_was_received(alice_client, today):
    message = refused(
        alice_client,
        "respond_by",
        received_on=iso(today),
        respond_by=iso(today - datetime.timedelta(days=1)),
    )
    assert "cannot be due before you received the offer" in message


def test_it_rejects_a_start_date_before_the_acceptance(alice_client, today):
    message = refused(
        alice_client,
        "start_date",
        status="accepted",
        accepted_on=iso(today),
        start_date=iso(today - datetime.timedelta(days=1)),
    )
    assert "cannot be before the day you accepted" in message


@pytest.mark.parametrize("field", MONEY_FIELDS)
def test_it_rejects_negative_money(alice_client, field):
    assert refused(alice_client, field, **{field: "-1"}) == "Enter an amount of zero or more."


def test_it_rejects_a_bonus_percentage_over_1000(alice_client):
    message = refused(alice_client, "target_bonus_percent", target_bonus_percent="1000.01")
    assert "at most 1000%" in message


def test_it_rejects_a_negative_bonus_percentage(alice_client):
    message = refused(alice_client, "target_bonus_percent", target_bonus_percent="-5")
    assert "zero or more" in message


def test_it_rejects_a_bonus_given_both_as_amount_and_percentage(alice_client):
    message = refused(
        alice_client, "target_bonus_percent", target_bonus="10000", target_bonus_percent="10"
    )
    assert "not both" in message


def test_it_rejects_a_zero_percent_bonus_next_to_an_amount_too(alice_client):
    message = refused(
        alice_client, "target_bonus_percent", target_bonus="10000", target_bonus_percent="0"
    )
    assert "not both" in message


def test_it_rejects_vesting_percentages_that_do_not_add_up_to_100(alice_client):
    message = refused(
        alice_client,
        "vesting_percentages",
        vesting_schedule="custom",
        vesting_percentages="5/15/40/30",
    )
    assert message == "These percentages add up to 90, not 100."


@pytest.mark.parametrize(
    "years, text, words",
    [
        ("4", "20/40/40", "one percentage for each of the 4 vesting years (you gave 3)"),
        ("4", "", "Enter your yearly percentages"),
        ("2", "half/half", "separated by slashes"),
        ("2", "NaN/NaN", "separated by slashes"),
        ("2", "Infinity/0", "separated by slashes"),
        ("2", "50/50/x", "separated by slashes"),
        ("3", "33.333/33.333/33.334", "at most two decimals"),
        ("2", "150/-50", "from 0 to 100"),
    ],
)
def test_a_custom_schedule_needs_one_sound_percentage_a_year(alice_client, years, text, words):
    message = refused(
        alice_client,
        "vesting_percentages",
        vesting_years=years,
        vesting_schedule="custom",
        vesting_percentages=text,
    )
    assert words in message


def test_it_rejects_percentages_next_to_an_even_schedule(alice_client):
    message = refused(
        alice_client,
        "vesting_percentages",
        vesting_schedule="even",
        vesting_percentages="25/25/25/25",
    )
    assert "You chose an even schedule" in message


def test_a_one_year_vesting_period_is_said_in_the_singular(alice_client):
    message = refused(alice_client, "cliff_months", vesting_years="1", cliff_months="13")
    assert "(1 year, 12 months)" in message


def test_it_rejects_a_cliff_longer_than_the_vesting_period(alice_client):
    message = refused(alice_client, "cliff_months", vesting_years="2", cliff_months="25")
    assert message == (
        "The cliff (25 months) cannot be longer than the vesting period (2 years, 24 months)."
    )


@pytest.mark.parametrize("years", ["0", "11"])
def test_it_rejects_a_vesting_period_outside_1_to_10_years(alice_client, years):
    message = refused(alice_client, "vesting_years", vesting_years=years, cliff_months="0")
    assert "from 1 to 10 years" in message


@pytest.mark.parametrize("field", ["yearly_raise_percent", "equity_discount_percent"])
def test_it_rejects_a_percentage_outside_0_to_100(alice_client, field):
    assert "from 0 to 100" in refused(alice_client, field, **{field: "101"})


@pytest.mark.parametrize("field", ["yearly_raise_percent", "equity_discount_percent"])
def test_a_percentage_of_1000_gets_words_of_ours_not_djangos(alice_client, field):
    message = refused(alice_client, field, **{field: "1000"})
    assert "this one is far too large" in message and "digits" not in message


@pytest.mark.parametrize("code", ["XYZ", "EU", "€", "12"])
def test_it_rejects_an_unknown_currency_code(alice_client, code):
    assert "is not an ISO 4217 currency code we know" in refused(
        alice_client, "currency", currency=code
    )


@pytest.mark.parametrize(
    "field, limit",
    [
        ("company", 200),
        ("role", 200),
        ("location", 200),
        ("agency_name", 200),
        ("notice_period", 100),
        ("repayment_terms", LONG_TEXT_LIMIT),
        ("notes", LONG_TEXT_LIMIT),
        ("vesting_percentages", 200),
    ],
)
def test_it_rejects_10000_characters_of_text(alice_client, field, limit):
    message = refused(alice_client, field, **{field: "x" * 10_000})
    assert f"Keep this under {limit:,} characters (it has 10000)." in message


def test_it_accepts_notes_right_at_the_limit(alice_client, alice_offer):
    notes = reverse("offers:edit_section", args=[alice_offer.pk, "notes"])
    alice_client.post(notes, {"notes": "x" * LONG_TEXT_LIMIT})
    alice_offer.refresh_from_db()
    assert len(alice_offer.notes) == LONG_TEXT_LIMIT


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_it_explains_a_nul_character_in_any_text_field(alice_client, field):
    value = "US\x00" if field == "currency" else "Acme\x00 Inc"
    assert refused(alice_client, field, **{field: value}) == NUL_MESSAGE


@pytest.mark.parametrize("field", DATE_FIELDS)
@pytest.mark.parametrize("bad", ["2026-02-30", "next Tuesday", "2026-05-01\x00"])
def test_it_rejects_a_malformed_date(alice_client, field, bad):
    assert refused(alice_client, field, **{field: bad}) == "Enter a real date, such as 2026-05-31."


@pytest.mark.parametrize("field", DATE_FIELDS)
def test_it_rejects_a_year_far_in_the_future_or_past(alice_client, field):
    assert "Check the year" in refused(alice_client, field, **{field: "9999-12-31"})
    assert "Check the year" in refused(alice_client, field, **{field: "0001-01-01"})


@pytest.mark.parametrize("field", ["base_salary", "vesting_years", "yearly_raise_percent"])
def test_it_rejects_a_number_that_is_not_a_number(alice_client, field):
    assert "number" in refused(alice_client, field, **{field: "lots"})


@pytest.mark.parametrize(
    "status, field, words",
    [
        ("expected", "expected_on", "when do you expect it"),
        ("received", "received_on", "on which day"),
        ("accepted", "accepted_on", "marked this offer as accepted"),
        ("signed", "accepted_on", "marked this offer as signed"),
        ("started", "accepted_on", "marked this offer as started"),
    ],
)
def test_a_status_that_needs_a_date_asks_for_it(alice_client, status, field, words):
    message = refused(alice_client, field, status=status, **{field: ""})
    assert words in message


@pytest.mark.parametrize("status", ["declined", "backed_out", "withdrawn", "expired"])
def test_a_closed_offer_needs_no_date(alice_client, status):
    alice_client.post(ADD, offer_form_data(status=status, received_on="", respond_by=""))
    assert Offer.objects.get().status == status


def test_it_rejects_an_unknown_status(alice_client):
    assert "maybe is not one of them" in refused(alice_client, "status", status="maybe")


def test_a_bad_edit_changes_nothing(alice_client, alice_offer):
    before = Offer.objects.values().get(pk=alice_offer.pk)
    response = alice_client.post(
        reverse("offers:edit_section", args=[alice_offer.pk, "money"]),
        offer_form_data(currency="USD", base_salary="-5", benefits_value="\x00"),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"base_salary", "benefits_value"}
    assert Offer.objects.values().get(pk=alice_offer.pk) == before
