"""The compare chart's two layouts (offers.compare.chart) and the compact amounts on its axis."""

from decimal import Decimal

import pytest

from crossroads.formats import format_short
from offers.compare.chart import NARROW, WIDE, cumulative_chart

RUNNING = {
    "a": [Decimal(100000), Decimal(210000), Decimal(330000)],
    "b": [Decimal(90000), Decimal(185000), Decimal(290000)],
}
LABELS = {"a": "Northwind Freight", "b": "Bluebird Health"}


@pytest.mark.parametrize("layout", [WIDE, NARROW])
def test_every_point_and_tick_lies_inside_the_drawing(layout):
    chart = cumulative_chart(RUNNING, LABELS, layout)
    assert (chart.width, chart.height) == (layout.width, layout.height)
    for series in chart.series:
        for point in series.points:
            assert chart.left <= point.x <= chart.plot_right
            assert layout.top <= point.y <= chart.bottom
    assert [year.number for year in chart.years] == [1, 2, 3]
    assert chart.years[-1].x == chart.plot_right


def test_the_wide_layout_names_lines_at_their_ends_apart_the_narrow_one_in_a_legend():
    wide = cumulative_chart(RUNNING, LABELS, WIDE)
    assert wide.layout.names_at_ends
    first, second = sorted(series.label_y for series in wide.series)
    assert second - first >= WIDE.label_gap  # close lines, names still apart
    assert not cumulative_chart(RUNNING, LABELS, NARROW).layout.names_at_ends


def test_lines_differ_in_dash_and_marker_as_well_as_colour():
    chart = cumulative_chart(RUNNING, LABELS, NARROW)
    assert len({s.style for s in chart.series}) == len({s.marker for s in chart.series}) == 2


def test_nothing_to_draw_is_no_chart():
    assert cumulative_chart({}, {}, NARROW) is None
    assert cumulative_chart({"a": [Decimal(0)]}, {"a": "A"}, NARROW) is None


def test_axis_amounts_are_short_in_the_persons_format():
    assert format_short(Decimal(1500000), "en_US") == "1.5M"
    assert format_short(Decimal(250000), "en_US") == "250K"
    assert format_short(Decimal(0), "en_US") == "0"
    assert format_short(Decimal(1500000), "de_DE") == "1,5\xa0Mio."
