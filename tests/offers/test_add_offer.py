import pytest
from django.urls import reverse

from offers.models import Offer
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db
URL = reverse("offers:new")


def test_the_owner_sees_an_empty_form_in_fieldsets(alice_client):
    response = alice_client.get(URL, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for legend in ("The offer", "Dates", "Money"):
        assert f"<legend>{legend}</legend>" in html
    # What few people know when an offer arrives is added later, from the offer's page.
    for legend in ("Equity", "Contract terms", "Money to pay back if you leave early", "Notes"):
        assert f"<legend>{legend}</legend>" not in html
    assert "can be added from the offer’s page" in html
    assert 'type="date"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_every_field_has_help_text(alice_client):
    form = alice_client.get(URL, follow=True).context["form"]
    assert [name for name, field in form.fields.items() if not field.help_text] == []


def test_adding_an_offer_saves_it_for_the_owner_and_shows_it(alice_client, alice):
    response = alice_client.post(URL, offer_form_data())
    offer = Offer.objects.get()
    assert offer.owner == alice
    assert (offer.company, offer.role, offer.currency) == ("Initech", "Staff Engineer", "EUR")
    assert response.status_code == 302
    assert response.url == reverse("offers:detail", args=[offer.pk])


def test_adding_normalises_text_currency_and_amounts(alice_client):
    alice_client.post(
        URL,
        offer_form_data(
            company="  Initech  ",
            currency=" gbp ",
            base_salary="120,000",
            signing_bonus="5 000",
        ),
    )
    offer = Offer.objects.get()
    assert offer.company == "Initech"
    assert offer.currency == "GBP"
    assert offer.base_salary == 120000
    assert offer.signing_bonus == 5000


def test_what_adding_does_not_ask_takes_the_usual_values(alice_client):
    alice_client.post(URL, offer_form_data(equity_value="100000", notes="Ignored here"))
    offer = Offer.objects.get()
    assert (offer.equity_value, offer.vesting_years, offer.cliff_months) == (0, 4, 12)
    assert offer.vesting_schedule == "even" and offer.vesting_percentages == []
    assert offer.repayment_amount == 0 and offer.notes == ""


def test_adding_asks_only_what_is_known_when_an_offer_arrives(alice_client):
    """The work mode, an agency, other processes, a yearly raise, a bonus as a percentage and
    benefits wait for the offer's sections: posted here, they are not read."""
    asked = set(alice_client.get(URL, follow=True).context["form"].fields)
    assert asked == {
        "company", "role", "location", "status", "expected_on", "received_on", "respond_by",
        "accepted_on", "start_date", "currency", "base_salary", "target_bonus", "signing_bonus",
        "accept_anyway",
    }  # fmt: skip
    alice_client.post(
        URL,
        offer_form_data(
            work_mode="remote", agency_name="Hays", knows_other_processes="yes",
            yearly_raise_percent="3", target_bonus_percent="10", benefits_value="4000",
        ),
    )  # fmt: skip
    form = alice_client.get(URL, follow=True).context["form"]
    assert "percentage below" not in form.fields["target_bonus"].help_text
    offer = Offer.objects.get()
    assert (offer.work_mode, offer.agency_name, offer.knows_other_processes) == ("", "", "")
    assert (offer.yearly_raise_percent, offer.benefits_value) == (0, 0)
    assert offer.target_bonus_percent is None


def test_empty_amounts_are_saved_as_zero_and_no_bonus(alice_client):
    alice_client.post(URL, offer_form_data(base_salary=""))
    offer = Offer.objects.get()
    assert offer.base_salary == 0
    assert offer.target_bonus is None and offer.target_bonus_percent is None


def test_an_expected_offer_needs_only_its_expected_date(alice_client, today):
    alice_client.post(
        URL,
        {
            "company": "Hooli",
            "role": "Engineer",
            "status": "expected",
            "expected_on": today.isoformat(),
            "currency": "USD",
            "vesting_years": "4",
            "cliff_months": "12",
            "vesting_schedule": "even",
        },
    )
    offer = Offer.objects.get()
    assert offer.status == Offer.Status.EXPECTED
    assert offer.base_salary == 0 and offer.yearly_raise_percent == 0


def test_a_failed_form_shows_an_error_summary_linking_to_each_field(alice_client):
    response = alice_client.post(URL, offer_form_data(company="", currency="XYZ"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_company"' in html and 'href="#id_currency"' in html
    assert "is-invalid" in html
    assert not Offer.objects.exists()


def test_other_methods_are_refused(alice_client):
    assert alice_client.put(URL).status_code == 405
    assert alice_client.delete(URL).status_code == 405


def test_the_owner_cannot_be_chosen_in_the_form(alice_client, alice, charlie):
    alice_client.post(URL, offer_form_data(owner=charlie.pk))
    assert Offer.objects.get().owner == alice


def test_adding_from_another_page_returns_there(alice_client):
    back_to = reverse("decisions:new")
    page = alice_client.get(URL, {"next": back_to}, follow=True)
    assert f'name="next" value="{back_to}"' in page.content.decode()
    response = alice_client.post(URL, offer_form_data(next=back_to))
    assert Offer.objects.count() == 1
    assert response.url == back_to


def test_a_next_address_on_another_site_is_ignored(alice_client):
    response = alice_client.post(URL, offer_form_data(next="https://elsewhere.example/"))
    assert response.url == reverse("offers:detail", args=[Offer.objects.get().pk])
