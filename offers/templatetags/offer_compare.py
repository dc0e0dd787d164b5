"""The compare page's money cells and the chart's markers. A tag rather than an include: the
table prints up to five offers x seven lines x six years, and an include a cell cost more than
the figures in it."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from crossroads.escaping import escape
from offers.compare.table import NO_FIGURES
from offers.templatetags.money import no_figures

_NO_FIGURES = escape(no_figures())
# The longest name written at a line's end (``WIDE``): longer ones end in an ellipsis.
NAME_LENGTH = 17

register = template.Library()


@register.simple_tag
def compare_rows(rows, names):
    """``{% compare_rows lines shown.names %}``: a year's lines (``offers.compare.shown.Row``),
    a row each, the first headed with the year's number."""
    names = [escape(name) for name in names]
    return mark_safe("".join(_row(row, names) for row in rows))


def _row(row, names) -> str:
    year = f'<span class="fw-semibold d-block">Year {row.year}</span>' if row.year else ""
    cells = "".join(_cell(cell, name, "") for cell, name in zip(row.cells, names, strict=True))
    return (
        f'<tr class="compare-{escape(row.kind)}">\n<th scope="row" class="fw-normal">'
        f"{year}{escape(row.label)}</th>\n{cells}\n</tr>\n"
    )


@register.simple_tag
def chart_figures(rows):
    """``{% chart_figures chart_rows %}``: the chart's figures as rows of a table, an offer a
    row (its name, then its money so far at the end of each year, written out already)."""
    return mark_safe(
        "".join(
            f'<tr><th scope="row" class="fw-normal">{escape(label)}</th>'
            + "".join(f'<td class="text-end money text-nowrap">{escape(f)}</td>' for f in figures)
            + "</tr>\n"
            for label, figures in rows
        )
    )


@register.simple_tag
def compare_cells(cells, names, missing=""):
    """``{% compare_cells row.cells shown.names %}``: one ``<td>`` an offer, its figure
    (``offers.compare.shown``: written out already) in the column's currency, and when
    converted, the original amount under it. A cell with nothing to show (no estimate, say)
    says ``missing``, or is left empty."""
    missing = escape(missing)
    return mark_safe(
        "".join(_cell(cell, escape(name), missing) for cell, name in zip(cells, names, strict=True))
    )


def _cell(cell, name, missing) -> str:
    # Each cell names its offer (``data-label``): on a phone the table reflows, a block a year,
    # and the stylesheet writes the name beside the figure.
    if cell is NO_FIGURES:
        # The column's heading says it in full; a cell says it to a screen reader.
        return (
            f'<td class="text-end text-body-secondary" data-label="{name}"><span '
            f'aria-hidden="true">–</span><span class="visually-hidden">{_NO_FIGURES}</span></td>'
        )
    if cell is None:
        if not missing:
            return "<td></td>"
        return f'<td class="text-end small text-body-secondary" data-label="{name}">{missing}</td>'
    figure = escape(cell.text)
    if not cell.original:
        return (
            f'<td class="text-end money" data-label="{name}"><span class="text-nowrap">{figure}'
            "</span></td>"
        )
    return (
        f'<td class="text-end money" data-label="{name}"><span class="text-nowrap">{figure}'
        '</span><span class="d-block small text-body-secondary text-nowrap converted-original">'
        f"from {escape(cell.original)}</span></td>"
    )


_MARKERS = {
    "circle": '<circle class="chart-marker chart-line-{n}" cx="{x}" cy="{y}" r="4"/>',
    "square": '<rect class="chart-marker chart-line-{n}" x="{left}" y="{top}" '
    'width="8" height="8"/>',
    "diamond": '<polygon class="chart-marker chart-line-{n}" '
    'points="{x},{above} {right},{y} {x},{below} {far_left},{y}"/>',
}


def _marker(series, x: int, y: int) -> str:
    return _MARKERS[series.marker].format(
        n=series.number,
        x=x,
        y=y,
        left=x - 4,
        top=y - 4,
        above=y - 5,
        below=y + 5,
        right=x + 5,
        far_left=x - 5,
    )


@register.simple_tag
def chart_axes(chart):
    """``{% chart_axes chart %}``: a gridline at each amount with the amount beside it, and
    the years along the bottom ("Year 2" where there is room, "2" on a phone)."""
    year = "Year " if chart.layout.names_at_ends else ""
    return mark_safe(
        "".join(
            f'<line class="chart-grid" x1="{chart.left}" x2="{chart.plot_right}" y1="{tick.y}" '
            f'y2="{tick.y}"/>\n<text class="chart-axis" x="{chart.axis_x}" y="{tick.text_y}" '
            f'text-anchor="end">{escape(tick.label)}</text>\n'
            for tick in chart.ticks
        )
        + "".join(
            f'<text class="chart-axis" x="{mark.x}" y="{chart.years_y}" text-anchor="middle">'
            f"{year}{mark.number}</text>\n"
            for mark in chart.years
        )
    )


@register.simple_tag
def chart_lines(chart):
    """``{% chart_lines chart %}``: each offer's line, its style (``series.style``) and a
    marker on each of its years (not on its start) whose shape (``series.marker``) tells the
    lines apart without their colour; in the wide layout, its name at its end."""
    return mark_safe("".join(_line(series, chart) for series in chart.series))


def _line(series, chart) -> str:
    markers = "".join(_marker(series, point.x, point.y) for point in series.points[1:])
    line = (
        f'<polyline class="chart-line chart-line-{series.number} chart-{series.style}" '
        f'points="{series.path}"/>\n{markers}\n'
    )
    if not chart.layout.names_at_ends:
        return line
    name = escape(Truncator(series.label).chars(NAME_LENGTH))
    return (
        f'{line}<text class="chart-label" x="{chart.names_x}" y="{series.label_y}">{name}</text>\n'
    )


@register.simple_tag
def chart_sample(series):
    """``{% chart_sample series %}``: a short piece of the line with its marker, for a legend."""
    return mark_safe(
        '<svg class="chart-sample" viewBox="0 0 44 12" width="44" height="12" aria-hidden="true" '
        f'focusable="false"><line class="chart-line chart-line-{series.number} '
        f'chart-{escape(series.style)}" x1="2" y1="6" x2="42" y2="6"/>{_marker(series, 22, 6)}'
        "</svg>"
    )
