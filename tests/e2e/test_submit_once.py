"""With JavaScript off, a form sent, then Back and sent again, makes one record: the page came
back at its own address, so its form carries the token it was first sent with."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from decisions.models import Consideration, Decision
from offers.models import Offer
from tests.decisions.helpers import at_step
from tests.e2e.test_offers_journey import fill_offer, in_days
from tests.factories import PASSWORD, make_decision, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _without_javascript(live_server, open_page, user):
    page = open_page(java_script_enabled=False)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def test_an_offer_sent_then_back_and_sent_again_is_added_once(live_server, open_page, screenshot):
    user = make_user("erin")
    page = _without_javascript(live_server, open_page, user)
    page.goto(live_server.url + reverse("offers:new"))
    assert "once=" in page.url
    fill_offer(page, company="Globex", role="Engineer", received_on=in_days(-1))
    page.get_by_role("button", name="Add this offer").click()
    expect(page.get_by_role("heading", name="Engineer at Globex")).to_be_visible()

    page.go_back()
    # The browser fetched the page again and gave back what was typed in it.
    expect(page.get_by_role("heading", name="Add an offer")).to_be_visible()
    expect(page.locator("[name=company]")).to_have_value("Globex")
    page.get_by_role("button", name="Add this offer").click()
    expect(page.get_by_role("heading", name="Engineer at Globex")).to_be_visible()
    expect(page.get_by_text("This was already saved: Engineer at Globex.")).to_be_visible()
    screenshot(page, "offer-already-saved")
    assert Offer.objects.filter(owner=user).count() == 1

    # Opening the page anew is a new form: it adds a second offer.
    page.goto(live_server.url + reverse("offers:new"))
    fill_offer(page, company="Initech", role="Engineer", received_on=in_days(-1))
    page.get_by_role("button", name="Add this offer").click()
    expect(page.get_by_role("heading", name="Engineer at Initech")).to_be_visible()
    assert Offer.objects.filter(owner=user).count() == 2


def test_a_pro_added_on_the_step_then_back_and_added_again_is_added_once(live_server, open_page):
    user = make_user("frank")
    offers = [make_offer(user, company="First Co"), make_offer(user, company="Second Co")]
    decision = at_step(make_decision(user, offers), Decision.Step.PROS_CONS)
    page = _without_javascript(live_server, open_page, user)
    page.goto(live_server.url + reverse("decisions:pros_cons", args=[decision.pk]))
    add = page.locator("form.consideration-add")
    add.locator(f"[name=offer][value='{offers[1].pk}']").check()
    add.locator("[name=kind][value=pro]").check()
    add.locator("[name=term][value=long_term]").check()
    add.locator("[name=text]").fill("A mentor on the team")
    add.get_by_role("button", name="Add it").click()
    expect(page.get_by_text("Added to Second Co: A mentor on the team")).to_be_visible()

    page.go_back()
    expect(page.locator("form.consideration-add [name=text]")).to_have_value("A mentor on the team")
    page.locator("form.consideration-add").get_by_role("button", name="Add it").click()
    expect(
        page.get_by_text("This was already saved: Second Co: A mentor on the team.")
    ).to_be_visible()
    assert Consideration.objects.filter(decision=decision).count() == 1
