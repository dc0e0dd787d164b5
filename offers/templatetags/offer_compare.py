"""The compare page's money cells. A tag rather than an include: the table prints up to five
offers x seven lines x six years, and an include a cell cost more than the figures in it."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from offers.compare.table import NO_FIGURES
from offers.templatetags.money import no_figures, whole_money

register = template.Library()


@register.simple_tag
def compare_cells(cells, columns, missing=""):
    """``{% compare_cells line.cells table.columns %}``: one ``<td>`` an offer, its figure in
    the column's currency, and when converted, the original amount under it. A cell with
    nothing to show (no estimate, say) says ``missing``, or is left empty."""
    pairs = zip(cells, columns, strict=True)
    return mark_safe("".join(_cell(cell, column, missing) for cell, column in pairs))


def _cell(cell, column, missing) -> str:
    if cell is NO_FIGURES:
        # The column's heading says it in full; a cell says it to a screen reader.
        return format_html(
            '<td class="text-end text-body-secondary"><span aria-hidden="true">–</span>'
            '<span class="visually-hidden">{}</span></td>',
            no_figures(),
        )
    if cell is None:
        if not missing:
            return "<td></td>"
        return format_html('<td class="text-end small text-body-secondary">{}</td>', missing)
    figure = whole_money(cell.value, column.shown_in)
    if not (column.rate and cell.original):
        return format_html(
            '<td class="text-end money"><span class="text-nowrap">{}</span></td>', figure
        )
    return format_html(
        '<td class="text-end money"><span class="text-nowrap">{}</span><span class="d-block '
        'small text-body-secondary text-nowrap converted-original">from {}</span></td>',
        figure,
        whole_money(cell.original, column.currency),
    )


_MARKERS = {
    "circle": '<circle class="chart-marker chart-line-{n}" cx="{x}" cy="{y}" r="4"/>',
    "square": '<rect class="chart-marker chart-line-{n}" x="{left}" y="{top}" '
    'width="8" height="8"/>',
    "diamond": '<polygon class="chart-marker chart-line-{n}" '
    'points="{x},{above} {right},{y} {x},{below} {far_left},{y}"/>',
}


@register.simple_tag
def chart_markers(series):
    """``{% chart_markers series %}``: a marker on each of a line's years (not on its start),
    its shape (``series.marker``) telling the line apart without its colour."""
    shape = _MARKERS[series.marker]
    return mark_safe(
        "".join(
            shape.format(
                n=series.number,
                x=point.x,
                y=point.y,
                left=point.x - 4,
                top=point.y - 4,
                above=point.y - 5,
                below=point.y + 5,
                right=point.x + 5,
                far_left=point.x - 5,
            )
            for point in series.points[1:]
        )
    )
