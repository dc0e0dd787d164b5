import re
from decimal import Decimal

import pytest

from decisions.models import Decision, Rating
from tests.decisions.helpers import at_step, finished_decision, rate, ratings_data, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def ratings(decision):
    return at_step(decision, Decision.Step.RATINGS)


def _selected(html: str, factor, offer) -> str | None:
    """The option selected in the cell of ``factor`` and ``offer``, if any."""
    cell = re.search(
        rf'<select name="rating-{factor.pk}-{offer.pk}".*?</select>', html, flags=re.S
    ).group(0)
    chosen = re.search(r'<option value="(\d)" selected>', cell)
    return chosen and chosen.group(1)


def test_the_grid_has_a_row_per_factor_and_a_column_per_offer(alice_client, ratings):
    response = alice_client.get(url("ratings", ratings))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Step 4 of 6" in html
    assert html.count('<th scope="row">') == 5
    assert html.count('<th scope="col">') == 3
    assert html.count('<select name="rating-') == 10
    # Each select has a label of its own for screen readers.
    assert "Culture for Analyst at Second Co" in html
    assert "table-responsive" in html


def test_the_compensation_row_is_pre_filled_from_the_money(
    alice_client, ratings, committed, new_offer
):
    html = alice_client.get(url("ratings", ratings)).content.decode()
    money = ratings.factors.get(is_compensation=True)
    culture = ratings.factors.get(name="Culture")
    # 90,000 against 120,000: 5 x 0.75 = 3.75, rounded to 4; the best-paid gets 5.
    assert _selected(html, money, new_offer) == "5"
    assert _selected(html, money, committed) == "4"
    assert _selected(html, culture, committed) is None
    assert "pre-filled from the money over 2 years" in html
    assert "USD 180,000" in html and "USD 240,000" in html


def test_a_saved_compensation_rating_wins_over_the_suggestion(
    alice_client, ratings, committed, new_offer
):
    money = ratings.factors.get(is_compensation=True)
    Rating.objects.create(factor=money, offer=committed, score=1)
    Rating.objects.create(factor=money, offer=new_offer, score=2)
    html = alice_client.get(url("ratings", ratings)).content.decode()
    assert _selected(html, money, committed) == "1"
    assert _selected(html, money, new_offer) == "2"
    assert "pre-filled from the money" not in html


def test_across_currencies_without_a_rate_nothing_is_pre_filled_and_the_page_says_why(
    alice_client, alice
):
    usd = make_offer(alice, company="Dollar Co", currency="USD", base_salary=Decimal(100000))
    eur = make_offer(alice, company="Euro Co", currency="EUR", base_salary=Decimal(90000))
    decision = at_step(make_decision(alice, [usd, eur]), Decision.Step.RATINGS)
    html = alice_client.get(url("ratings", decision)).content.decode()
    money = decision.factors.get(is_compensation=True)
    assert _selected(html, money, usd) is None and _selected(html, money, eur) is None
    # With one offer in each, the home currency is EUR (the first by code): the dollar offer
    # lacks a rate, and one offer alone is not compared with anything.
    assert "Rate compensation yourself for Dollar Co (USD)" in html
    assert "no exchange rate for USD in EUR yet" in html


def test_saving_the_grid_stores_every_rating_and_moves_on(
    alice_client, ratings, committed, new_offer
):
    response = alice_client.post(
        url("ratings", ratings), ratings_data(ratings, {committed: 2, new_offer: 5})
    )
    assert response.status_code == 302
    assert response.url == url("pros_cons", ratings)
    assert Rating.objects.filter(offer=committed, score=2).count() == 5
    assert Rating.objects.filter(offer=new_offer, score=5).count() == 5
    ratings.refresh_from_db()
    assert ratings.step_reached == Decision.Step.PROS_CONS


def test_saving_again_updates_the_ratings_in_place(alice_client, ratings, committed, new_offer):
    rate(ratings, {committed: 1, new_offer: 1})
    alice_client.post(url("ratings", ratings), ratings_data(ratings, {committed: 3, new_offer: 4}))
    assert Rating.objects.count() == 10
    assert set(Rating.objects.values_list("score", flat=True)) == {3, 4}


def test_a_factor_with_weight_zero_may_stay_unrated(alice_client, ratings, committed, new_offer):
    autonomy = ratings.factors.get(name="Autonomy")
    autonomy.weight = 0
    autonomy.save()
    Rating.objects.create(factor=autonomy, offer=committed, score=2)
    data = ratings_data(ratings, {committed: 3, new_offer: 4})
    data[f"rating-{autonomy.pk}-{committed.pk}"] = ""
    data[f"rating-{autonomy.pk}-{new_offer.pk}"] = ""
    response = alice_client.post(url("ratings", ratings), data)
    assert response.status_code == 302
    assert not Rating.objects.filter(factor=autonomy).exists()
    assert Rating.objects.count() == 8


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Rate Culture for Second Co from 1 to 5."),
        ("0", "Rate Culture for Second Co with a whole number from 1 to 5."),
        ("6", "Rate Culture for Second Co with a whole number from 1 to 5."),
        ("three", "Rate Culture for Second Co with a whole number from 1 to 5."),
    ],
)
def test_a_missing_or_out_of_range_rating_is_refused_and_nothing_saved(
    alice_client, ratings, committed, new_offer, value, message
):
    culture = ratings.factors.get(name="Culture")
    data = ratings_data(ratings, {committed: 3, new_offer: 4})
    data[f"rating-{culture.pk}-{new_offer.pk}"] = value
    response = alice_client.post(url("ratings", ratings), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert not Rating.objects.exists()
    ratings.refresh_from_db()
    assert ratings.version == 1 and ratings.step_reached == Decision.Step.RATINGS


def test_a_refused_cell_is_marked_and_linked_to_its_message_and_the_others_keep_their_values(
    alice_client, ratings, committed, new_offer
):
    culture = ratings.factors.get(name="Culture")
    people = ratings.factors.get(name="People")
    data = ratings_data(ratings, {committed: 3, new_offer: 4})
    data[f"rating-{culture.pk}-{new_offer.pk}"] = ""
    html = alice_client.post(url("ratings", ratings), data).content.decode()
    cell_id = f"id_rating-{culture.pk}-{new_offer.pk}"
    refused = re.search(rf'<select [^>]*id="{cell_id}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in refused and f'aria-describedby="{cell_id}_error"' in refused
    message = re.search(rf'<div id="{cell_id}_error"[^>]*>(.*?)</div>', html, flags=re.S).group(1)
    assert "Rate Culture for Second Co from 1 to 5." in message
    assert f'<label for="{cell_id}"' in html
    assert f'href="#{cell_id}"' in html  # the summary at the top leads to it
    # What was chosen elsewhere is still chosen, and no other cell is marked.
    assert _selected(html, people, new_offer) == "4" and _selected(html, culture, committed) == "3"
    assert html.count('aria-invalid="true"') == 1


def test_a_step_not_reached_sends_you_to_the_first_unfinished_one(alice_client, decision):
    at_step(decision, Decision.Step.PRIORITIES)
    response = alice_client.get(url("ratings", decision))
    assert response.url == url("priorities", decision)


def test_the_grid_renders_as_many_templates_for_75_cells_as_for_10(alice_client, alice):
    # The page draws each select in one loop, not through crispy's templates a cell: the work
    # of rendering grows with the cells only, not with a template (or six) per cell.
    small = finished_decision(alice, offers=2, factors=5, considerations=0)
    large = finished_decision(alice, offers=5, factors=15, considerations=0)
    small_page = alice_client.get(url("ratings", small))
    large_page = alice_client.get(url("ratings", large))
    assert large_page.content.decode().count('<select name="rating-') == 75
    assert len(large_page.templates) == len(small_page.templates)


def test_a_factor_name_with_markup_is_shown_as_text_in_each_cell_label(alice_client, ratings):
    # Each cell is written in Python (RatingsForm.rows): its label is escaped there.
    ratings.factors.filter(name="Culture").update(name='Culture <i>"mostly"</i>')
    html = alice_client.get(url("ratings", ratings)).content.decode()
    assert "<i>" not in html
    assert "Culture &lt;i&gt;&quot;mostly&quot;&lt;/i&gt; for Analyst at Second Co" in html
