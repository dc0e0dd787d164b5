"""The time zones on offer: real places grouped by region, no aliases or legacy names."""

import re
import zoneinfo
from pathlib import Path

import pytest
from django.urls import reverse

from crossroads.models import User
from crossroads.zones import browser_aliases, canonical_zones, grouped_choices, zone_label
from tests.crossroads.test_preferences import SIGNUP
from tests.factories import confirm_signup

LEGACY = [
    "Factory",
    "localtime",
    "Etc/GMT+1",
    "US/Eastern",
    "GMT",
    "EST5EDT",
    "Asia/Calcutta",
    "Europe/Kiev",
    "Europe/Belfast",
    "America/Buenos_Aires",
    "Asia/Saigon",
    "Navajo",
]


@pytest.mark.parametrize("name", LEGACY)
def test_no_legacy_or_alias_name_is_offered(name):
    assert name not in canonical_zones()


@pytest.mark.parametrize(
    "name", ["Europe/Amsterdam", "Asia/Kolkata", "Europe/Kyiv", "America/Argentina/Buenos_Aires"]
)
def test_the_current_name_of_each_place_is_offered(name):
    assert name in canonical_zones()


def test_every_zone_offered_is_a_real_zone():
    for name in canonical_zones():
        zoneinfo.ZoneInfo(name)


@pytest.mark.skipif(not Path("/usr/share/zoneinfo/zone.tab").exists(), reason="no zone.tab")
def test_the_list_is_tzdatas_own_list_of_places():
    lines = Path("/usr/share/zoneinfo/zone.tab").read_text().splitlines()
    places = {line.split("\t")[2] for line in lines if line and not line.startswith("#")}
    assert canonical_zones() == places


def test_choices_are_grouped_by_region_with_utc_first():
    utc, *groups = grouped_choices()
    assert utc[0] == "UTC"
    regions = [region for region, _ in groups]
    assert regions[:3] == ["Africa", "America", "Antarctica"] and "Europe" in regions
    europe = dict(dict(groups)["Europe"])
    assert europe["Europe/Amsterdam"] == "Amsterdam (Netherlands)"
    assert sum(len(choices) for _, choices in groups) == len(canonical_zones())


def test_places_within_a_region_are_named_with_their_country():
    assert zone_label("America/Indiana/Knox") == "Indiana / Knox (United States)"


def test_old_names_a_browser_may_report_lead_to_a_place_in_the_list():
    aliases = browser_aliases()
    assert aliases["Asia/Calcutta"] == "Asia/Kolkata"
    assert set(aliases.values()) <= canonical_zones()


@pytest.mark.django_db
def test_signup_shows_optgroups_and_the_servers_default_without_javascript(client):
    html = client.get(reverse("signup")).content.decode()
    assert '<optgroup label="Europe">' in html
    assert re.search(r'<select name="time_zone"[^>]*data-browser-default', html)
    assert '<option value="UTC" selected>' in html
    assert ">Factory<" not in html and "Etc/GMT" not in html
    assert 'id="time-zone-aliases" type="application/json"' in html
    assert 'src="/static/js/time-zone.js"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["Mars/Base", "Etc/GMT+1", "Asia/Calcutta", "", "Factory"])
def test_signup_refuses_a_zone_not_offered(client, zone):
    response = client.post(reverse("signup"), {**SIGNUP, "time_zone": zone})
    assert response.context["form"].errors["time_zone"]
    assert 'href="#id_time_zone"' in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_saves_the_chosen_zone(client):
    client.post(reverse("signup"), SIGNUP)
    confirm_signup(client)
    assert User.objects.get().time_zone == "Europe/Amsterdam"
