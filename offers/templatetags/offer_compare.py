"""The compare page's money cells and the chart's markers. A tag rather than an include: the
table prints up to five offers x seven lines x six years, and an include a cell cost more than
the figures in it."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from offers.compare.table import NO_FIGURES
from offers.templatetags.money import no_figures

_NO_FIGURES = conditional_escape(no_figures())

register = template.Library()


@register.simple_tag
def compare_cells(cells, names, missing=""):
    """``{% compare_cells row.cells shown.names %}``: one ``<td>`` an offer, its figure
    (``offers.compare.shown``: written out already) in the column's currency, and when
    converted, the original amount under it. A cell with nothing to show (no estimate, say)
    says ``missing``, or is left empty."""
    missing = conditional_escape(missing)
    return mark_safe(
        "".join(
            _cell(cell, conditional_escape(name), missing)
            for cell, name in zip(cells, names, strict=True)
        )
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
        return (
            f'<td class="text-end small text-body-secondary" data-label="{name}">{missing}</td>'
        )
    figure = conditional_escape(cell.text)
    if not cell.original:
        return (
            f'<td class="text-end money" data-label="{name}"><span class="text-nowrap">{figure}'
            "</span></td>"
        )
    return (
        f'<td class="text-end money" data-label="{name}"><span class="text-nowrap">{figure}'
        '</span><span class="d-block small text-body-secondary text-nowrap converted-original">'
        f"from {conditional_escape(cell.original)}</span></td>"
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
def chart_markers(series):
    """``{% chart_markers series %}``: a marker on each of a line's years (not on its start),
    its shape (``series.marker``) telling the line apart without its colour."""
    return mark_safe("".join(_marker(series, point.x, point.y) for point in series.points[1:]))


@register.simple_tag
def chart_sample(series):
    """``{% chart_sample series %}``: a short piece of the line with its marker, for a legend."""
    return format_html(
        '<svg class="chart-sample" viewBox="0 0 44 12" width="44" height="12" aria-hidden="true" '
        'focusable="false"><line class="chart-line chart-line-{} chart-{}" x1="2" y1="6" x2="42" '
        'y2="6"/>{}</svg>',
        series.number,
        series.style,
        mark_safe(_marker(series, 22, 6)),
    )
