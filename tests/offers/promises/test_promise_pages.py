"""Adding, editing, ticking and removing what was promised about an offer, on pages of their own
and the offer's page; another user's promise is a 404; bad input is refused next to its field."""

import datetime

import pytest
from django.urls import reverse

from crossroads.text import LONG_TEXT_LIMIT, NUL_MESSAGE
from offers.models import Offer, Promise
from tests.factories import make_contact, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(alice):
    return make_offer(alice, company="Bluebird Health", role="Senior Data Engineer")


@pytest.fixture
def recruiter(offer):
    return make_contact(offer, name="Sam Ortiz")


@pytest.fixture
def promise(offer, recruiter):
    return Promise.objects.create(
        offer=offer,
        what="A remote day every week",
        contact=recruiter,
        promised_on=datetime.date(2026, 11, 30),
        how=Promise.How.PHONE,
    )


def _add(offer):
    return reverse("offers:add_promise", args=[offer.pk])


def _url(name, promise):
    return reverse(f"offers:{name}", args=[promise.offer_id, promise.pk])


def _valid(**fields):
    return {"what": "A remote day every week", "promised_on": "2026-11-30", "how": "video"} | fields


# The offer's page ---------------------------------------------------------------------------------


def test_the_offer_page_says_when_nothing_was_promised_and_links_to_add(alice_client, offer):
    content = alice_client.get(offer.get_absolute_url()).content.decode()
    assert "What they promised" in content
    assert "No promises recorded." in content
    assert f'href="{_add(offer)}"' in content


def test_the_offer_page_lists_each_promise_with_who_how_when_and_whether_it_is_in_writing(
    alice_client, offer, promise
):
    content = alice_client.get(offer.get_absolute_url()).content.decode()
    card = content.split(f'id="promise-{promise.pk}"')[1].split("</li>")[0]
    assert "A remote day every week" in card
    assert "Sam Ortiz, on the phone, 30 November 2026" in card
    assert "Not found in writing yet" in card
    assert f'action="{_url("promise_found", promise)}"' in card
    assert f'href="{_url("edit_promise", promise)}"' in card
    assert f'href="{_url("delete_promise", promise)}"' in card


# Adding and editing -------------------------------------------------------------------------------


def test_the_add_page_asks_what_who_when_and_how_and_saves_nothing_on_get(
    alice_client, offer, recruiter
):
    content = alice_client.get(_add(offer), follow=True).content.decode()
    assert "What did Bluebird Health promise you?" in content
    for name in ("what", "contact", "promised_by", "promised_on", "how"):
        assert f'name="{name}"' in content
    assert ">Sam Ortiz (" in content  # the offer's own people to choose from
    assert not Promise.objects.exists()


def test_adding_a_promise_saves_it_and_returns_to_it_on_the_offer_page(
    alice_client, offer, recruiter
):
    before = Offer.objects.get(pk=offer.pk).updated
    response = alice_client.post(_add(offer), _valid(contact=recruiter.pk, what="  Remote  "))
    promise = Promise.objects.get()
    assert response.status_code == 302
    assert response.url == f"{offer.get_absolute_url()}#promise-{promise.pk}"
    assert (promise.what, promise.contact, promise.how) == ("Remote", recruiter, "video")
    assert promise.promised_on == datetime.date(2026, 11, 30)
    assert not promise.found_in_writing
    # Calendars that show the call plan's steps follow the offer's changes.
    assert Offer.objects.get(pk=offer.pk).updated > before


def test_someone_not_listed_can_be_typed_instead(alice_client, offer):
    alice_client.post(_add(offer), _valid(promised_by="The head of data"))
    assert Promise.objects.get().who() == "The head of data"


def test_a_person_from_the_list_and_a_typed_name_together_are_refused(
    alice_client, offer, recruiter
):
    response = alice_client.post(_add(offer), _valid(contact=recruiter.pk, promised_by="Kim"))
    content = response.content.decode()
    assert "Choose a person from the list or type who it was, not both." in content
    assert not Promise.objects.exists()


def test_editing_a_promise_saves_the_change(alice_client, promise):
    url = _url("edit_promise", promise)
    assert "A remote day every week" in alice_client.get(url).content.decode()
    response = alice_client.post(url, _valid(what="Two remote days", how="in_person"))
    assert response.status_code == 302
    promise.refresh_from_db()
    assert (promise.what, promise.how, promise.contact) == ("Two remote days", "in_person", None)


# Bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"what": ""}, "what", "Write what they promised."),
        ({"what": "x" * (LONG_TEXT_LIMIT + 1)}, "what", f"Keep this under {LONG_TEXT_LIMIT:,}"),
        ({"what": "Remote\x00day"}, "what", NUL_MESSAGE),
        ({"promised_by": "Kim\x00"}, "promised_by", NUL_MESSAGE),
        ({"promised_on": "1899-12-31"}, "promised_on", "Check the year"),
        ({"promised_on": "2201-01-01"}, "promised_on", "Check the year"),
        ({"promised_on": "99999-01-01"}, "promised_on", "Enter a real date"),
        ({"promised_on": ""}, "promised_on", "Enter the day they promised it."),
        ({"how": "carrier pigeon"}, "how", "Choose one of the options shown"),
        ({"contact": "999999"}, "contact", "Choose one of the people on this offer"),
        ({"contact": "x\x00"}, "contact", "Choose one of the people on this offer"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(
    alice_client, offer, promise, fields, field, message
):
    for url in (_add(offer), _url("edit_promise", promise)):
        response = alice_client.post(url, _valid(**fields))
        assert response.status_code == 200
        content = response.content.decode()
        assert "error-summary" in content
        assert f'href="#id_{field}' in content  # the summary links to the field
        error = content.split(f'id="id_{field}_error"')[1][:400]
        assert message.split("%")[0][:40] in error.replace("&#x27;", "'").replace("&quot;", '"')
    promise.refresh_from_db()
    assert Promise.objects.count() == 1 and promise.what == "A remote day every week"


def test_another_offers_person_cannot_be_chosen(alice_client, alice, offer):
    elsewhere = make_contact(make_offer(alice, company="Elsewhere"), name="Kim Other")
    response = alice_client.post(_add(offer), _valid(contact=elsewhere.pk))
    assert "Choose one of the people on this offer" in response.content.decode()
    assert not Promise.objects.exists()


# Ticking ------------------------------------------------------------------------------------------


def test_ticking_found_in_writing_and_back(alice_client, promise):
    url = _url("promise_found", promise)
    response = alice_client.post(url, {"found_in_writing": "on"})
    assert response.url == promise.get_absolute_url()
    promise.refresh_from_db()
    assert promise.found_in_writing
    # The same button twice (a double click) leaves it ticked.
    alice_client.post(url, {"found_in_writing": "on"})
    promise.refresh_from_db()
    assert promise.found_in_writing
    alice_client.post(url, {"found_in_writing": ""})
    promise.refresh_from_db()
    assert not promise.found_in_writing


def test_ticking_returns_to_a_page_of_this_site_it_came_from(alice_client, promise):
    url = _url("promise_found", promise)
    response = alice_client.post(url, {"found_in_writing": "on", "next": "/decisions/"})
    assert response.url == "/decisions/"
    response = alice_client.post(url, {"found_in_writing": "on", "next": "//evil.example/"})
    assert response.url == promise.get_absolute_url()


def test_ticking_is_post_only(alice_client, promise):
    assert alice_client.get(_url("promise_found", promise)).status_code == 405
    promise.refresh_from_db()
    assert not promise.found_in_writing


# Removing -----------------------------------------------------------------------------------------


def test_removing_asks_first_then_removes_on_post(alice_client, promise):
    url = _url("delete_promise", promise)
    content = alice_client.get(url).content.decode()
    assert "Remove this promise?" in content and "A remote day every week" in content
    assert Promise.objects.filter(pk=promise.pk).exists()
    response = alice_client.post(url)
    assert response.url == f"{promise.offer.get_absolute_url()}#promises"
    assert not Promise.objects.filter(pk=promise.pk).exists()


def test_removing_the_person_keeps_the_promise(alice_client, promise, recruiter):
    recruiter.delete()
    promise.refresh_from_db()
    assert promise.contact is None and promise.what == "A remote day every week"


# Another user's promises, and visitors ------------------------------------------------------------


@pytest.mark.parametrize("name", ["edit_promise", "promise_found", "delete_promise"])
def test_another_users_promise_is_a_404_and_stays_as_it_was(charlie_client, promise, name):
    url = _url(name, promise)
    assert charlie_client.get(url).status_code in (404, 405)
    assert charlie_client.post(url, _valid(found_in_writing="on", what="Mine")).status_code == 404
    promise.refresh_from_db()
    assert (promise.what, promise.found_in_writing) == ("A remote day every week", False)


def test_another_users_offer_takes_no_promise(charlie_client, offer):
    assert charlie_client.get(_add(offer)).status_code == 404
    assert charlie_client.post(_add(offer), _valid()).status_code == 404
    assert not Promise.objects.exists()


def test_a_promise_of_another_offer_is_a_404_under_this_one(alice_client, alice, promise):
    other = make_offer(alice, company="Elsewhere")
    url = reverse("offers:edit_promise", args=[other.pk, promise.pk])
    assert alice_client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["edit_promise", "delete_promise"])
def test_a_visitor_is_sent_to_log_in(client, promise, name):
    response = client.get(_url(name, promise))
    assert response.status_code == 302 and "/accounts/login/" in response.url
