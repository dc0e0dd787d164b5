"""The result page's tables and lists, ready to write out: the chart's bars, the scores, the
ratings behind them, what would change the lead, the money, each offer's pros and cons and the
risk's reasons. Built once here from ``result.Result``, each row's markup joined in Python with
every value escaped and every number written once, because the template working out some
hundred cells and items one by one (a loop, a filter and lookups each) took a good part of the
page's time. The same HTML the template wrote."""

from django.template.defaultfilters import floatformat, pluralize
from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe

from crossroads.escaping import escape
from offers.compensation import NO_FIGURES
from offers.templatetags.money import converted, whole_money

NOT_RATED = "—"
NOTHING_NOTED = mark_safe('<li class="small text-body-secondary">Nothing noted.</li>')

BAR = (
    '<text x="0" y="{label_y}" class="chart-label">{label}</text>'
    '<rect x="0" y="{y}" width="{bar_max}" height="{height}" class="chart-track"></rect>'
    '<rect x="0" y="{y}" width="{width}" height="{height}" class="chart-bar{leads}"></rect>'
    '<text x="{score_x}" y="{score_y}" class="chart-value">{score}</text>'
)
SCORE = (
    '<tr><th scope="row" class="fw-normal">{company}'
    ' <span class="d-block small text-body-secondary">{role}{committed}</span></th>'
    '<td class="text-end money">{score}</td></tr>'
)
RATINGS = (
    '<tr{muted}><th scope="row" class="fw-normal">{name}</th>'
    "<td>{weight}{not_counted}</td>{cells}</tr>"
)
SENSITIVITY = (
    '<li><strong>{name}</strong> <span class="text-body-secondary">(weight {weight})</span>:'
    " {words}</li>"
)
MONEY = '<tr><th scope="row" class="fw-normal">{company}</th><td class="text-end money">{total}</td>{compared}</tr>'  # noqa: E501
SECONDARY = '<span class="text-body-secondary">{}</span>'
REASON = (
    '<li><p class="mb-1"><span class="risk-points">{points}</span> {text}</p>'
    '<p class="small mb-0"><strong>What lowers it:</strong> {lowers_it}</p></li>'
)


def _safe(parts) -> SafeString:
    return mark_safe("".join(parts))


def chart_bars(chart) -> SafeString:
    """The chart's bars (``chart.score_chart``), as SVG."""
    return _safe(
        BAR.format(
            label_y=bar.label_y,
            label=escape(bar.label),
            y=bar.y,
            bar_max=chart.bar_max,
            height=chart.bar_height,
            width=bar.width,
            leads=" chart-bar-leader" if bar.leads else "",
            score_x=bar.score_x,
            score_y=bar.score_y,
            score=localize(bar.score),
        )
        for bar in chart.bars
    )


def chart_words(result) -> str:
    """What the chart shows, in words, for those who cannot see it."""
    return "; ".join(f"{item.offer.company}: {localize(item.score)}" for item in result.offers)


def score_rows(result) -> SafeString:
    """Each offer's score, best first; the leader's stands out, in words too."""
    return _safe(
        SCORE.format(
            company=escape(item.offer.company),
            role=escape(item.offer.role),
            committed=" · your commitment" if item.committed else "",
            score=f'<strong>{localize(item.score)}</strong> <span class="visually-hidden">(leads)'
            "</span>"
            if item.leads
            else localize(item.score),
        )
        for item in result.offers
    )


def offer_headings(result) -> SafeString:
    """A column heading for each offer, best first."""
    return _safe(f'<th scope="col">{escape(item.offer.company)}</th>' for item in result.offers)


def breakdown_rows(result) -> SafeString:
    """Each factor's weight and its rating for each offer, best offer first."""
    return _safe(
        RATINGS.format(
            muted="" if factor.weight else ' class="text-body-secondary"',
            name=escape(factor.name),
            weight=factor.weight,
            not_counted="" if factor.weight else ' <span class="small">(does not count)</span>',
            cells="".join(f"<td>{NOT_RATED if s is None else escape(s)}</td>" for s in scores),
        )
        for factor, scores in result.breakdown
    )


def sensitivity_items(result) -> SafeString:
    """What trying each factor's other weights shows."""
    return _safe(
        SENSITIVITY.format(
            name=escape(item.factor.name), weight=item.factor.weight, words=escape(item.words())
        )
        for item in result.sensitivity
    )


def money_rows(money, today) -> SafeString:
    """Each offer's money over the years (``scoring.MoneyComparison``), and how it compares
    with the reference's when two or more can be compared."""
    return _safe(
        MONEY.format(
            company=escape(row.offer.company),
            total=_total(row, today),
            compared=f'<td class="text-end money">{_compared(row, money)}</td>'
            if money.comparable
            else "",
        )
        for row in money.rows
    )


def _total(row, today) -> str:
    if row.no_figures:
        return SECONDARY.format(NO_FIGURES)
    total = f'<span class="text-nowrap">{escape(whole_money(row.total, row.currency))}</span>'
    if row.amount is None or not row.amount.converted:
        return total
    # The amount converted, with its rate: as the ``converted`` tag writes it on every page.
    amount = render_to_string("offers/rates/_amount.html", converted({"today": today}, row.amount))
    return f'{total}<span class="d-block small">about {amount}</span>'


def _compared(row, money) -> str:
    if row.no_figures:
        return SECONDARY.format("left out: no figures yet")
    if row.amount is None:
        return SECONDARY.format(f"not compared: no rate for {escape(row.currency)}")
    if row.offer == money.reference:
        return SECONDARY.format("the reference")
    if not row.difference:
        return "the same"
    gap = escape(whole_money(row.gap, money.currency))
    return f'<span class="text-nowrap">{gap}</span> {"more" if row.difference > 0 else "less"}'


def points(value) -> str:
    """``2.5 points``, ``1 point``: a risk's points as the page writes them."""
    return f"{floatformat(value, '-1')} point{pluralize(value)}"


def risk_reasons(risk) -> SafeString:
    """What makes backing out costly, each with its points and what lowers it."""
    return _safe(
        REASON.format(
            points=points(reason.points),
            text=escape(reason.text),
            lowers_it=escape(reason.lowers_it),
        )
        for reason in risk.reasons
    )


NOTES = (
    '<div class="col-12 col-lg-6"><div class="card h-100"><div class="card-body">'
    '<h3 class="h5 card-title">{company}{committed}</h3><div class="row g-2">{terms}</div>'
    "</div></div></div>"
)
COMMITTED = ' <span class="fs-6 fw-normal text-body-secondary">· your commitment</span>'
TERM = (
    '<div class="col-12 col-sm-6"><h4 class="h6">{term}</h4>'
    '<ul class="list-unstyled consideration-list mb-0">{items}</ul></div>'
)


def offer_notes(result) -> SafeString:
    """Each offer's pros and cons, a card each: those that count now, and those that count
    later."""
    return _safe(
        NOTES.format(
            company=escape(item.offer.company),
            committed=COMMITTED if item.committed else "",
            terms="".join(
                TERM.format(term=term, items=_items(entries)) for term, entries in item.terms
            ),
        )
        for item in result.offers
    )


def _items(entries) -> SafeString:
    if not entries:
        return NOTHING_NOTED
    return _safe(
        f'<li class="consideration consideration-{escape(entry["kind"])}">'
        f'<span class="consideration-kind">{escape(entry["label"])}:</span> '
        f"{escape(entry['text'])}</li>"
        for entry in entries
    )
