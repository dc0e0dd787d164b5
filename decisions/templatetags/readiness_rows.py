"""The readiness checklist's rows (``decisions/call/_readiness.html``): ``{% readiness_rows
readiness_form back %}`` writes its boxes from ``ReadinessForm.rows``, ``{% promises_row
promises_check promises new_offer %}`` the row for what was promised. Each row is written here
in one go, every value escaped, rather than by a template loop of some twenty lookups and tests
a row. The same HTML."""

from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from crossroads.escaping import escape

register = template.Library()

ROW = (
    '<li class="form-check mb-2">'
    '<input class="form-check-input{invalid}" type="checkbox" name="{name}" id="{id}"{checked}'
    ' aria-describedby="{id}-why{fact_id}">'
    '<label class="form-check-label" for="{id}">{label}'
    ' <span class="visually-hidden">({done})</span></label>'
    '<div class="form-text" id="{id}-why">{why}</div>{fact}</li>'
)
FACT = '<div id="{id}-fact" class="{kind}">{words} <a href="{page}#{anchor}">{fix}</a></div>'
ERROR = '<p class="mb-1"><span class="visually-hidden">Error:</span> {}</p>'


@register.simple_tag
def readiness_rows(form, back: str) -> SafeString:
    """Every check's box of ``form`` (a ``ReadinessForm``); a fact's link to another page
    brings the user ``back`` here."""
    return mark_safe("".join(_row(*row, back) for row in form.rows()))


def _row(check, field, fix, field_id, errors, checked, back) -> str:
    field_id = escape(field_id)
    return ROW.format(
        invalid=" is-invalid" if errors else "",
        name=escape(field.html_name),
        id=field_id,
        checked=" checked" if checked else "",
        fact_id=f" {field_id}-fact" if fix else "",
        label=escape(check.label),
        done="done" if check.done else "not done yet",
        why=escape(check.why),
        fact=_fact(check, fix, field_id, errors, back) if fix else "",
    )


def _fact(check, fix, field_id, errors, back) -> str:
    """What the tick lacks (refused: its errors), and the link to where to add it."""
    if errors:
        kind = "invalid-feedback d-block field-error"
        words = "".join(ERROR.format(escape(error)) for error in errors)
    else:
        kind = "form-text readiness-fact"
        words = f'<p class="mb-1">{escape(check.missing_fact)}</p>'
    page = f"{escape(fix.page)}?next={escape(quote(back, safe='/'))}" if fix.page else ""
    anchor, fix_words = escape(fix.anchor), escape(fix.words)
    return FACT.format(id=field_id, kind=kind, words=words, page=page, anchor=anchor, fix=fix_words)


PROMISES = (
    '<li class="mb-2 readiness-promises return-target" id="ready-{name}" tabindex="-1"'
    ' data-done="{done}">{badge} {label} <div class="form-text">{why}</div>{found}</li>'
)
DONE = '<span class="badge text-bg-success">Done</span>'
NOT_YET = '<span class="badge text-bg-warning">Not yet</span>'


@register.simple_tag
def promises_row(check, promises, new_offer) -> SafeString:
    """The checklist's row for what was promised about ``new_offer``
    (``readiness.promises_check``): no box to tick, each promise is ticked on the offer's page.
    ``promises`` are the new offer's, read once."""
    return mark_safe(
        PROMISES.format(
            name=escape(check.name),
            done="yes" if check.done else "no",
            badge=DONE if check.done else NOT_YET,
            label=escape(check.label),
            why=escape(check.why),
            found=_found(check, promises, new_offer),
        )
    )


def _found(check, promises, new_offer) -> str:
    company = escape(new_offer.company)
    if not promises:
        add = escape(reverse("offers:add_promise", args=[new_offer.pk]))
        return (
            f'<p class="form-text mb-1">No promises recorded. If {company} promised you '
            f'something by phone or in person, <a href="{add}">add it to the offer</a>.</p>'
        )
    listed = escape(reverse("offers:detail", args=[new_offer.pk])) + "#promises"
    if check.done:
        found = (
            "The promise you recorded is in the written offer."
            if len(promises) == 1
            else f"All {len(promises)} promises you recorded are in the written offer."
        )
        return (
            f'<p class="form-text mb-1">{found} <a href="{listed}">See what they promised</a>.</p>'
        )
    missing = "".join(
        f"<li>{escape(promise)}</li>" for promise in promises if not promise.found_in_writing
    )
    return (
        '<p class="form-text mb-1">Not found in the written offer yet:</p>'
        f'<ul class="form-text mb-1">{missing}</ul><a class="small" href="{listed}">Tick them on'
        f" {company}’s offer once you find them in writing</a>"
    )
