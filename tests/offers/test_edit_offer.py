"""Changing an offer: one section at a time, each a page of its own, linked from the offer's page
next to what it changes; saving returns to the offer."""

import datetime

import pytest
from django.urls import reverse

from offers import offer_form_layout as layout
from offers.models import Offer
from tests.factories import make_offer, with_token
from tests.offers.conftest import make_many_offers, offer_form_data

pytestmark = pytest.mark.django_db


def url(offer, section=""):
    if section:
        return reverse("offers:edit_section", args=[offer.pk, section])
    return reverse("offers:edit", args=[offer.pk])


def test_the_owner_sees_the_first_section_filled_in(alice_client, alice_offer):
    response = alice_client.get(url(alice_offer))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Edit Platform Engineer at Globex" in html
    assert '<h1 class="h2">The offer and its dates</h1>' in html
    assert 'value="Globex"' in html
    assert f'value="{alice_offer.respond_by.isoformat()}"' in html
    assert 'name="base_salary"' not in html


@pytest.mark.parametrize("section", layout.SECTIONS.values(), ids=lambda s: s.slug or "offer")
def test_each_section_shows_its_own_fields_only_and_links_back(alice_client, alice_offer, section):
    html = alice_client.get(url(alice_offer, section.slug)).content.decode()
    assert f'<h1 class="h2">{section.title}</h1>' in html
    for name in layout.ALL_FIELDS:
        assert (f'name="{name}"' in html) == (name in section.field_names()), name
    assert f'href="{alice_offer.get_absolute_url()}">&larr; Back to the offer</a>' in html
    # The other sections are a link away.
    for other in layout.SECTIONS.values():
        if other != section:
            assert f'href="{layout.section_url(alice_offer, other)}"' in html


def test_an_unknown_section_is_a_404(alice_client, alice_offer):
    assert alice_client.get(url(alice_offer, "salary")).status_code == 404


def test_a_stranger_gets_a_404_for_every_section(charlie_client, alice_offer):
    before = Offer.objects.values().get(pk=alice_offer.pk)
    for section in layout.SECTIONS:
        assert charlie_client.get(url(alice_offer, section)).status_code == 404
        response = charlie_client.post(url(alice_offer, section), offer_form_data(notes="Mine"))
        assert response.status_code == 404
    assert Offer.objects.values().get(pk=alice_offer.pk) == before


def test_the_owner_saves_changes_and_returns_to_the_offer(alice_client, alice_offer):
    response = alice_client.post(url(alice_offer), offer_form_data(company="Globex Europe"))
    alice_offer.refresh_from_db()
    assert alice_offer.company == "Globex Europe"
    assert response.url == reverse("offers:detail", args=[alice_offer.pk])


def test_saving_a_section_leaves_the_rest_of_the_offer_as_it_was(alice_client, alice_offer):
    before = Offer.objects.values().get(pk=alice_offer.pk)
    # A whole form's worth of values: only the money section's are read.
    response = alice_client.post(
        url(alice_offer, "money"), offer_form_data(base_salary="150000", company="Elsewhere")
    )
    assert response.url == alice_offer.get_absolute_url()
    after = Offer.objects.values().get(pk=alice_offer.pk)
    changed = {name for name in after if after[name] != before[name]}
    assert after["base_salary"] == 150000 and after["company"] == "Globex"
    assert changed <= {"base_salary", "currency", "target_bonus", "target_bonus_percent",
                       "signing_bonus", "benefits_value", "yearly_raise_percent",
                       "cost_of_living_factor", "tax_rate_percent", "updated"}  # fmt: skip


def test_notes_are_changed_on_their_own_page_and_stripped(alice_client, alice_offer):
    alice_client.post(url(alice_offer, "notes"), {"notes": "  Call back Monday.  "})
    alice_offer.refresh_from_db()
    assert alice_offer.notes == "Call back Monday."


def test_a_custom_schedule_comes_back_as_typed(alice_client, alice):
    offer = make_offer(
        alice, vesting_schedule=Offer.VestingSchedule.CUSTOM, vesting_percentages=[5, 15, 40, 40]
    )
    assert 'value="5/15/40/40"' in alice_client.get(url(offer, "equity")).content.decode()


def test_a_custom_vesting_schedule_is_saved_as_numbers(alice_client, alice):
    offer = make_offer(alice)
    data = offer_form_data(
        equity_value="100000", vesting_schedule="custom", vesting_percentages="5/15/40/40"
    )
    alice_client.post(url(offer, "equity"), data)
    offer.refresh_from_db()
    assert offer.vesting_percentages == [5, 15, 40, 40]


def test_percentages_may_be_written_with_commas_spaces_and_decimals(alice_client, alice):
    offer = make_offer(alice)
    data = offer_form_data(
        vesting_years="3", vesting_schedule="custom", vesting_percentages="33.33%, 33.33%, 33.34%"
    )
    alice_client.post(url(offer, "equity"), data)
    offer.refresh_from_db()
    assert offer.vesting_percentages == [33.33, 33.33, 33.34]


def test_switching_back_to_an_even_schedule_clears_the_percentages(alice_client, alice):
    offer = make_offer(
        alice, vesting_schedule=Offer.VestingSchedule.CUSTOM, vesting_percentages=[5, 15, 40, 40]
    )
    alice_client.post(url(offer, "equity"), offer_form_data(vesting_schedule="even"))
    offer.refresh_from_db()
    assert offer.vesting_schedule == "even" and offer.vesting_percentages == []


def test_a_page_is_not_refused_for_what_it_does_not_change(alice_client, alice):
    """A received offer saved without its date (an import, say): its notes can still be saved;
    the first section asks for the date."""
    offer = make_offer(alice, received_on=None)
    alice_client.post(url(offer, "notes"), {"notes": "Ask about the date"})
    offer.refresh_from_db()
    assert offer.notes == "Ask about the date"
    response = alice_client.post(url(offer), offer_form_data(received_on=""))
    assert "received_on" in response.context["form"].errors


def test_the_offer_page_links_to_each_section_next_to_what_it_changes(alice_client, alice_offer):
    html = alice_client.get(alice_offer.get_absolute_url()).content.decode()
    for words, section in [
        ("Edit offer", ""),
        ("Change the dates, add the work mode or an agency", ""),
        ("Change the money", "money"),
        ("Change the equity", "equity"),
        ("Change the contract terms", "terms"),
        ("Add notes", "notes"),
    ]:
        assert f'href="{url(alice_offer, section)}">{words}</a>' in html, words
    assert f'href="{url(alice_offer, "repayment")}#id_repayment_amount">' in html


def test_the_offer_page_invites_what_adding_it_did_not_ask(alice_client, alice):
    """Adding an offer asks only what is known when it arrives; its page asks for the rest."""
    offer = make_offer(alice, base_salary=90000)
    html = alice_client.get(offer.get_absolute_url()).content.decode()
    invitation = "Add the rest of the money (a yearly raise, benefits)"
    assert f'href="{url(offer, "money")}">{invitation}</a>' in html
    offer = make_offer(alice, agency_name="Hays", yearly_raise_percent=3)
    html = alice_client.get(offer.get_absolute_url()).content.decode()
    assert f'href="{url(offer, "")}">Change the offer and its dates</a>' in html
    assert f'href="{url(offer, "money")}">Change the money</a>' in html


def test_other_methods_are_refused(alice_client, alice_offer):
    assert alice_client.put(url(alice_offer)).status_code == 405
    assert alice_client.delete(url(alice_offer, "money")).status_code == 405


@pytest.mark.parametrize("count", [1, 100])
@pytest.mark.parametrize(
    ("section", "queries"),
    # Session, user, the offer; the pages with the currency: the user's recent currencies.
    [("", 3), ("money", 4), ("equity", 3), ("terms", 3), ("repayment", 3), ("notes", 3)],
)
def test_each_section_takes_the_same_number_of_queries_for_1_or_100_offers(
    alice_client, alice, today, section, queries, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    offer = Offer.objects.filter(owner=alice).first()
    with django_assert_num_queries(queries):
        assert alice_client.get(url(offer, section)).status_code == 200


@pytest.mark.parametrize("count", [1, 100])
def test_adding_takes_the_same_number_of_queries_for_1_or_100_offers(
    alice_client, alice, today, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    # Session, user, the user's recent currencies.
    with django_assert_num_queries(3):
        assert alice_client.get(with_token(reverse("offers:new"))).status_code == 200


def test_the_terms_refuse_a_confirmed_start_date_the_offer_does_not_record(alice_client, alice):
    """The contract terms keep the call plan's promise: a tick needs the fact it stands for."""
    offer = make_offer(alice, company="Globex")
    data = {"start_date_confirmed": "on", "conditions_cleared": "on", "notice_period": ""}
    response = alice_client.post(url(offer, "terms"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["start_date_confirmed"] == [
        "Add the start date to the offer first: a start date that is not recorded cannot be "
        "confirmed."
    ]
    assert "Have the offer in writing first" in errors["conditions_cleared"][0]
    offer.refresh_from_db()
    assert not offer.start_date_confirmed and not offer.conditions_cleared
    offer.start_date = datetime.date(2027, 3, 1)
    offer.save()
    data["written_offer_in_hand"] = "on"
    assert alice_client.post(url(offer, "terms"), data).status_code == 302
    offer.refresh_from_db()
    assert offer.start_date_confirmed and offer.conditions_cleared
