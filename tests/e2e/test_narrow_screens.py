"""Every main page fits a 320-pixel-wide phone: nothing makes the whole page scroll sideways."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from decisions.models import CallPlan, Consideration, Rating
from offers.models import Offer
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import make_contact, make_decision, make_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_main_page_fits_a_narrow_phone(live_server, page, log_in, alice):
    today = timezone.localdate()
    committed = make_offer(
        alice,
        company="Northwind Freight and Logistics International",
        role="Principal Data Platform Engineer",
        status=Offer.Status.SIGNED,
        start_date=today + datetime.timedelta(days=10),
        base_salary=Decimal("123456789"),
        equity_value=Decimal("98765432"),
        signing_bonus=Decimal("25000"),
    )
    contact = make_contact(committed)
    new = make_offer(
        alice,
        company="Bluebird Health",
        role="Senior Data Engineer",
        respond_by=today + datetime.timedelta(days=2),
        base_salary=Decimal("150000000"),
    )
    make_offer(alice, company="Initech", status=Offer.Status.EXPECTED, expected_on=today)
    decision = make_decision(
        alice,
        [committed, new],
        chosen_offer=new,
        decided_at=timezone.now(),
        step_reached=6,
    )
    Rating.objects.bulk_create(
        Rating(factor=factor, offer=offer, score=3 + (offer == new))
        for factor in decision.factors.all()
        for offer in (committed, new)
    )
    Consideration.objects.create(decision=decision, offer=new, kind="pro", text="Growth " * 20)
    CallPlan.objects.create(decision=decision, contact=contact)

    log_in(alice)
    page.set_viewport_size({"width": 320, "height": 640})
    pages = [
        "/",
        "/accounts/",
        "/offers/",
        "/offers/new/",
        f"/offers/{committed.pk}/",
        f"/offers/{committed.pk}/contacts/add/",
        "/offers/timeline/",
        "/decisions/",
        f"/decisions/{decision.pk}/offers/",
        f"/decisions/{decision.pk}/situation/",
        f"/decisions/{decision.pk}/priorities/",
        f"/decisions/{decision.pk}/ratings/",
        f"/decisions/{decision.pk}/pros-cons/",
        f"/decisions/{decision.pk}/result/",
        f"/decisions/{decision.pk}/call/",
        f"/decisions/{decision.pk}/call/when/",
        f"/decisions/{decision.pk}/call/words/",
        f"/decisions/{decision.pk}/call/answers/",
    ]
    too_wide = {}
    tables = {f"/offers/{committed.pk}/": "offer", f"/decisions/{decision.pk}/ratings/": "ratings"}
    tables[f"/decisions/{decision.pk}/result/"] = "result"
    for path in pages:
        page.goto(live_server.url + path)
        if path in tables:
            page.screenshot(path=SCREENSHOTS / f"narrow-320-{tables[path]}.png", full_page=True)
        # A page with a create form is sent to its own address with the form's token.
        shown = page.url.split("?once=")[0]
        assert shown == live_server.url + path, f"{path} sent us to {page.url}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert too_wide == {}
