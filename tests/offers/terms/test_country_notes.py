"""The country notes: each line with a source and a day; the offer's country picks them."""

import pytest
from django.core.exceptions import ValidationError

from offers import country_notes
from offers.terms.countries import countries, validate_country

SEED_PLACES = ["US", "US-CA", "US-NY", "GB", "DE", "FR", "IT", "CZ", "NL", "CH"]


def test_every_place_of_the_seed_has_a_note():
    assert sorted(country_notes.NOTES) == sorted(SEED_PLACES)


@pytest.mark.parametrize("code", SEED_PLACES)
def test_every_line_has_an_official_source_and_an_as_of_day(code):
    note = country_notes.NOTES[code]
    assert note.lines
    for line in note.lines:
        assert line.topic in country_notes.TOPICS
        assert line.source.url.startswith("https://")
        assert line.source.name and line.as_of


def test_germany_and_the_uk_cite_their_statutes():
    urls = {line.source.url for line in country_notes.NOTES["DE"].lines}
    assert "https://www.gesetze-im-internet.de/bgb/__622.html" in urls
    assert any("gov.uk" in line.source.url for line in country_notes.NOTES["GB"].lines)


def test_written_notice_where_the_law_asks_for_it():
    assert country_notes.NOTES["DE"].written_notice
    assert not country_notes.NOTES["GB"].written_notice
    assert not country_notes.NOTES["US"].written_notice


def test_a_us_location_adds_its_states_note():
    assert [n.code for n in country_notes.notes_for("US", "San Francisco, CA")] == ["US", "US-CA"]
    assert [n.code for n in country_notes.notes_for("US", "New York City")] == ["US", "US-NY"]
    assert [n.code for n in country_notes.notes_for("US", "Austin")] == ["US"]


def test_a_country_without_a_note_has_none():
    assert country_notes.notes_for("JP") == []
    assert country_notes.notes_for("") == []


@pytest.mark.parametrize(
    ("location", "code"),
    [("Berlin", "DE"), ("Berlin, Germany", "DE"), ("London", "GB"), ("Prague 7", "CZ"),
     ("Zürich", "CH"), ("Remote", ""), ("", ""), ("Parisville", "")],
)  # fmt: skip
def test_the_country_is_guessed_from_the_location(location, code):
    assert country_notes.guess_country(location) == code


def test_the_countries_are_iso_3166():
    assert len(countries()) == 249
    assert countries()["CZ"] == "Czechia"
    validate_country("DE")
    validate_country("")
    for code in ("XX", "EU", "de", "DEU", "XK"):
        with pytest.raises(ValidationError, match="not a country code in ISO 3166"):
            validate_country(code)
