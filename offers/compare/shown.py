"""What the compare page prints of its table, as text: every amount written once, here, in the
person's number format (``crossroads.formats``), so the template only places strings. The page
prints some 170 amounts; a template filter on each cost more than the figures were worth.

No queries, no HTTP, no HTML: the template and ``offers.templatetags.offer_compare`` write the
markup."""

from dataclasses import dataclass

from crossroads.formats import format_money
from offers.compare.table import NO_FIGURES, Line, SideBySide, whole


@dataclass(slots=True)  # not frozen: cheaper to make, and a page makes some 150
class Figure:
    text: str  # in the column's currency
    original: str = ""  # the offer's own amount when converted (and not nothing)


@dataclass(frozen=True)
class Row:
    label: str
    kind: str
    cells: tuple  # one Figure (None: nothing to show; NO_FIGURES) per column
    year: int | None = None  # on the first line of a year: its number, the row's heading


@dataclass(frozen=True)
class ShownTable:
    names: tuple[str, ...]  # each column's offer, as its cells name it on a phone
    years: tuple[tuple[Row, ...], ...]
    totals: Row
    after_tax: Row | None
    purchasing_power: Row | None
    leaving: Row | None


class Amounts:
    """Writes whole amounts for one page, each amount in each currency once: a running total
    shows again as the year's total, the chart's figures and the grand total."""

    def __init__(self):
        self._written = {}

    def __call__(self, amount, currency: str = "") -> str:
        key = (amount, currency)
        text = self._written.get(key)
        if text is None:
            text = self._written[key] = format_money(whole(amount), currency)
        return text


def shown_table(table: SideBySide, amounts: Amounts) -> ShownTable:
    """``table`` (``offers.compare.table``) with its amounts written out."""

    def row(line: Line | None, year: int | None = None) -> Row | None:
        if line is None:
            return None
        cells = tuple(
            _figure(cell, column, amounts)
            for cell, column in zip(line.cells, table.columns, strict=True)
        )
        return Row(line.label, line.kind, cells, year)

    return ShownTable(
        names=tuple(column.offer.company for column in table.columns),
        years=tuple(
            tuple(
                row(line, block.number if index == 0 else None)
                for index, line in enumerate(block.lines)
            )
            for block in table.years
        ),
        totals=row(table.totals),
        after_tax=row(table.after_tax),
        purchasing_power=row(table.purchasing_power),
        leaving=row(table.leaving),
    )


def _figure(cell, column, amounts: Amounts):
    if cell is None or cell is NO_FIGURES:
        return cell
    text = amounts(cell.value, column.shown_in)
    if not (column.rate and cell.original):
        return Figure(text)
    return Figure(text, amounts(cell.original, column.currency))
