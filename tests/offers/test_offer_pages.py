"""What every offers page shares: one heading, no inline code, the offers navigation."""

import re

import pytest
from django.templatetags.static import static
from django.urls import reverse

from tests.factories import with_token

pytestmark = pytest.mark.django_db


def page_urls(offer):
    contact = offer.contacts.get()
    return [
        reverse("offers:list"),
        with_token(reverse("offers:new")),
        reverse("offers:timeline"),
        reverse("offers:detail", args=[offer.pk]),
        reverse("offers:edit", args=[offer.pk]),
        reverse("offers:delete", args=[offer.pk]),
        with_token(reverse("offers:add_contact", args=[offer.pk])),
        reverse("offers:edit_contact", args=[offer.pk, contact.pk]),
        reverse("offers:delete_contact", args=[offer.pk, contact.pk]),
        reverse("home"),
    ]


def test_each_page_has_one_h1_and_no_inline_script_or_style(alice_client, alice_offer):
    for url in page_urls(alice_offer):
        html = alice_client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert "style=" not in html, url
        # Only the app's own files, such as Bootstrap's.
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts and all(
            re.fullmatch(rf'<script src="{static("")}[\w./-]+\.js" defer>', tag) for tag in scripts
        ), url


def test_the_navigation_leads_to_offers_and_the_timeline(alice_client):
    html = alice_client.get(reverse("offers:timeline")).content.decode()
    assert f'href="{reverse("offers:list")}"' in html
    assert 'aria-current="page">Timeline</a>' in html
