"""The result page's long lists, ready to write out: the ratings behind the scores and each
offer's pros and cons. Built once here from ``result.Result``, each cell's or item's markup
joined in Python with every value escaped, because the template working out some hundred cells
and items one by one (a loop, a filter and lookups each) took a good part of the page's time."""

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from crossroads.escaping import escape

NOT_RATED = "—"
NOTHING_NOTED = mark_safe('<li class="small text-body-secondary">Nothing noted.</li>')


@dataclass(frozen=True)
class RatingsRow:
    """A factor's weight and its rating for each offer, best offer first."""

    name: str
    weight: int
    cells: SafeString  # a <td> for each offer's rating


@dataclass(frozen=True)
class OfferNotes:
    """An offer's pros and cons: those that count now, and those that count later."""

    company: str
    committed: bool
    terms: list[tuple[str, SafeString]]  # ("Now" or "Later", its <li> items)


def breakdown_rows(result) -> list[RatingsRow]:
    return [
        RatingsRow(
            factor.name,
            factor.weight,
            mark_safe("".join(f"<td>{NOT_RATED if s is None else escape(s)}</td>" for s in scores)),
        )
        for factor, scores in result.breakdown
    ]


def offer_notes(result) -> list[OfferNotes]:
    return [
        OfferNotes(
            item.offer.company,
            item.committed,
            [(term, _items(entries)) for term, entries in item.terms],
        )
        for item in result.offers
    ]


def _items(entries) -> SafeString:
    if not entries:
        return NOTHING_NOTED
    return mark_safe(
        "".join(
            f'<li class="consideration consideration-{escape(entry["kind"])}">'
            f'<span class="consideration-kind">{escape(entry["label"])}:</span> '
            f"{escape(entry['text'])}</li>"
            for entry in entries
        )
    )
