"""What the compare page shows, worked out from offers already loaded. No queries, no HTTP."""

import datetime

from crossroads.formats import format_short
from offers import compensation
from offers.compare.chart import NARROW, WIDE, cumulative_chart
from offers.compare.shown import Amounts, shown_table
from offers.compare.table import Adjustments, side_by_side
from offers.rates import MoneyTerms


def cost_of_leaving(offer, today: datetime.date):
    """What leaving ``offer`` (the committed one) today costs in money paid back, in its
    currency (``offers.leaving_cost``: money never paid is never owed). None when nothing is."""
    return offer.owed_if_leaving_on(today) or None


def compare_offers(offers, years: int, terms: MoneyTerms, today: datetime.date) -> dict:
    """What the page shows of ``offers`` over ``years``: the side-by-side ``table`` with its
    amounts written out (``shown``), and its chart laid out for a wide page (``chart``) and for
    a phone (``narrow_chart``, ``offers.compare.chart``; None when there is nothing to draw),
    with the chart's figures written out for the table beside it (``chart_rows``)."""
    packages = [(offer, offer.package()) for offer in offers]
    tables = {offer: compensation.table(package, years) for offer, package in packages}
    comparison = terms.compare(
        {offer: (tables[offer][-1].total, package.currency) for offer, package in packages},
        no_figures=[offer for offer, package in packages if not compensation.has_figures(package)],
    )
    committed = next((offer for offer in offers if offer.is_committed()), None)
    table = side_by_side(
        packages,
        years,
        comparison,
        terms.rates,
        adjustments={
            offer: Adjustments(offer.tax_rate_percent, offer.cost_of_living_factor)
            for offer in offers
        },
        committed=committed,
        leaving_cost=committed and cost_of_leaving(committed, today),
        tables=tables,
    )
    amounts = Amounts()
    running, labels = table.cumulative(), {offer: offer.company for offer in offers}
    chart = cumulative_chart(running, labels, WIDE, tick_label=amounts)
    return {
        "table": table,
        "shown": shown_table(table, amounts),
        "chart": chart,
        "narrow_chart": chart and cumulative_chart(running, labels, NARROW, format_short),
        "chart_rows": [
            (series.label, [amounts(point.value) for point in series.points[1:]])
            for series in (chart.series if chart else ())
        ],
    }
