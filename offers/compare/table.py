"""The side-by-side money table: offers in columns, years in rows. Plain Python: no Django, no
HTTP, no queries; the view loads, this lays out.

Every cell is in whole units. An offer in another currency is converted cell by cell with the
user's rate (each converted cell rounded on its own, so the columns add up as printed) and keeps
its original amount beside it. An offer whose currency has no rate is shown in its own currency
and left out of the totals' comparison and the chart, never mixed in; so is an offer with no
figures yet, whose cells the page fills with "No figures yet" rather than zeros.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from offers import compensation, exchange

MAX_YEARS = 6
ZERO = Decimal(0)


def whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


# Not frozen, unlike the rest: a table makes some 150 cells a page, and a frozen dataclass
# costs three times as much to make. Nothing changes a cell once made.
@dataclass(slots=True)
class Cell:
    value: Decimal  # in the column's ``shown_in`` currency
    original: Decimal  # in the offer's own currency


# The cell of an offer with no figures yet: the page says so rather than print a zero.
NO_FIGURES = object()


@dataclass(frozen=True)
class Line:
    label: str
    cells: tuple  # one Cell (None: nothing to show; NO_FIGURES) per column
    kind: str = "part"  # "part", "total" or "cumulative"


@dataclass(frozen=True)
class YearBlock:
    number: int
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Column:
    offer: Hashable
    currency: str  # the offer's own
    shown_in: str  # the currency its figures are shown in
    rate: exchange.Rate | None  # the rate used, when converted
    per_unit: Decimal | None
    left_out: bool  # no rate to the comparison's currency: shown in its own, not compared
    committed: bool = False
    no_figures: bool = False  # no money entered yet: nothing shown, nothing compared


@dataclass(frozen=True)
class Adjustments:
    tax_percent: Decimal | None = None
    cost_of_living: Decimal | None = None


@dataclass(frozen=True)
class SideBySide:
    columns: tuple[Column, ...]
    years: tuple[YearBlock, ...]
    totals: Line  # over all the years
    after_tax: Line | None  # only when some offer has a tax estimate
    purchasing_power: Line | None  # only when some offer has a cost-of-living factor
    leaving: Line | None  # what leaving the committed offer costs, in its column
    comparison: exchange.Comparison

    @property
    def currency(self) -> str:
        return self.comparison.currency

    @property
    def year_count(self) -> int:
        return len(self.years)

    def cumulative(self) -> dict:
        """Each compared offer's running total at the end of each year (for the chart)."""
        running = {}
        for index, column in enumerate(self.columns):
            if column.left_out or column.no_figures:
                continue
            running[column.offer] = [block.lines[-1].cells[index].value for block in self.years]
        return running


_PARTS = ("Base salary", "Bonus", "Signing bonus", "Equity vested", "Benefits")


def side_by_side(
    offers: Sequence[tuple[Hashable, compensation.Package]],
    years: int,
    comparison: exchange.Comparison,
    rates: exchange.Rates,
    adjustments: dict | None = None,
    committed: Hashable | None = None,
    leaving_cost: Decimal | None = None,
    tables: dict | None = None,
) -> SideBySide:
    """``offers`` as (key, package) in column order, over ``years`` (1 to 6). ``comparison`` is
    the comparison of their totals (``exchange.compare``) that decides the common currency and
    who is left out; ``leaving_cost`` is in the committed offer's own currency. ``tables`` are
    the offers' ``compensation.table`` over ``years`` by key, when the caller has them already."""
    years = max(1, min(years, MAX_YEARS))
    adjustments = adjustments or {}
    tables_by_key = tables or {}
    columns, tables, factors = [], [], []
    for key, package in offers:
        no_figures = key in comparison.no_figures
        left_out = key in comparison.left_out or no_figures
        shown_in = package.currency if left_out else comparison.currency
        factor = exchange.ONE if left_out else rates.factor(package.currency, shown_in)
        rate = None if left_out else rates.between(package.currency, shown_in)
        if package.currency == shown_in:
            rate = None
        columns.append(
            Column(
                offer=key,
                currency=package.currency,
                shown_in=shown_in,
                rate=rate,
                per_unit=factor if rate else None,
                left_out=key in comparison.left_out,
                committed=key == committed,
                no_figures=no_figures,
            )
        )
        table = tables_by_key.get(key)
        if table is None or len(table[-1].amounts) != years:
            table = compensation.table(package, years)
        tables.append(table)
        factors.append(factor)

    blocks, running = [], [ZERO] * len(columns)
    for year in range(years):
        lines = []
        totals = [ZERO] * len(columns)
        for row, label in enumerate(_PARTS):
            cells = []
            for index, table in enumerate(tables):
                original = table[row].amounts[year]
                value = whole(original * factors[index])
                totals[index] += value
                cells.append(Cell(value, original))
            lines.append(Line(label, _shown(columns, cells)))
        originals = [table[-1].amounts[year] for table in tables]
        lines.append(
            Line("Total", _shown(columns, map(Cell, totals, originals)), kind="total"),
        )
        running = [a + b for a, b in zip(running, totals, strict=True)]
        original_running = [sum(t[-1].amounts[: year + 1], ZERO) for t in tables]
        lines.append(
            Line(
                "Total so far",
                _shown(columns, map(Cell, running, original_running)),
                kind="cumulative",
            )
        )
        blocks.append(YearBlock(year + 1, tuple(lines)))

    original_totals = [table[-1].total for table in tables]
    grand = Line(
        f"Over {years} year{'s' if years != 1 else ''}",
        _shown(columns, map(Cell, running, original_totals)),
        kind="total",
    )
    return SideBySide(
        columns=tuple(columns),
        years=tuple(blocks),
        totals=grand,
        after_tax=_adjusted(columns, grand, adjustments, "tax_percent", exchange.after_tax),
        purchasing_power=_adjusted(
            columns, grand, adjustments, "cost_of_living", exchange.in_purchasing_power
        ),
        leaving=_leaving(columns, factors, leaving_cost),
        comparison=comparison,
    )


def _shown(columns, cells) -> tuple:
    """``cells`` as the page shows them: those of an offer with no figures yet say so."""
    return tuple(
        NO_FIGURES if column.no_figures else cell
        for column, cell in zip(columns, cells, strict=True)
    )


def _adjusted(columns, grand: Line, adjustments: dict, name: str, adjust) -> Line | None:
    cells, any_set = [], False
    for column, cell in zip(columns, grand.cells, strict=True):
        setting = getattr(adjustments.get(column.offer, Adjustments()), name)
        if setting is None or cell is NO_FIGURES:
            cells.append(None if setting is None else NO_FIGURES)
            continue
        any_set = True
        cells.append(
            Cell(whole(adjust(cell.value, setting)), whole(adjust(cell.original, setting)))
        )
    return Line(name, tuple(cells), kind="adjusted") if any_set else None


def _leaving(columns, factors, cost: Decimal | None) -> Line | None:
    if cost is None:
        return None
    cells = [
        Cell(whole(cost * factor), whole(cost)) if column.committed else None
        for column, factor in zip(columns, factors, strict=True)
    ]
    return Line("What leaving costs", tuple(cells), kind="leaving") if any(cells) else None
