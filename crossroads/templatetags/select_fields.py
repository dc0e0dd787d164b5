"""A select with its label, errors and help, marked up exactly as crispy-forms' Bootstrap 5 pack
marks it up (``{{ field|as_crispy_field }}``), but built here in Python.

For grids of many selects, such as the ratings step (up to 75 of them): crispy renders each
through half a dozen templates, which cost more than all the rest of the page.
tests/crossroads/test_select_fields.py compares the markup with crispy's own, so the two cannot
drift apart."""

import html

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_ASTERISK = mark_safe('<span class="asteriskField">*</span>')


@register.filter
def select_field(field) -> SafeString:
    """``{{ field|select_field }}`` for a bound field whose widget is a ``Select``."""
    css = field.css_classes()
    return format_html(
        '<div id="div_{}" class="mb-3{}">{}{}{}{}</div>',
        field.auto_id,
        f" {css}" if css else "",
        _label(field),
        _select(field),
        _errors(field),
        _help(field),
    )


def _label(field) -> SafeString:
    if not field.label:
        return SafeString("")
    required = field.field.required
    return format_html(
        '<label for="{}" class="form-label{}">{}{}</label>',
        field.id_for_label,
        " requiredField" if required else "",
        field.label,
        _ASTERISK if required else "",
    )


def _select(field) -> SafeString:
    widget = field.field.widget
    css = "select form-select is-invalid" if field.errors else "select form-select"
    attrs = {**widget.attrs, **field.build_widget_attrs({"class": css}, widget)}
    attrs.setdefault("id", field.auto_id)
    chosen = widget.format_value(field.value())
    options = _Options(chosen, multiple=widget.allow_multiple_selected)
    body = "".join(
        # A choice whose label is a list is a group of choices: (group name, [choices]).
        f'<optgroup label="{_escape(value)}">{options.html(label)}</optgroup>'
        if isinstance(label, (list, tuple))
        else options.html([(value, label)])
        for value, label in field.field.choices
    )
    return mark_safe(f'<select name="{_escape(field.html_name)}"{flatatt(attrs)}>{body}</select>')


class _Options:
    """The options of a select, with Django's rule for which is selected: the first whose value
    is among the chosen ones (every one of them in a multiple select)."""

    def __init__(self, chosen: list[str], multiple: bool):
        self.chosen, self.multiple, self.has_selected = set(chosen), multiple, False

    def html(self, choices) -> str:
        return "".join(self._option(value, label) for value, label in choices)

    def _option(self, value, label) -> str:
        value = "" if value is None else str(value)
        selected = (self.multiple or not self.has_selected) and value in self.chosen
        self.has_selected |= selected
        flag = " selected" if selected else ""
        return f'<option value="{_escape(value)}"{flag}>{_escape(label)}</option>'


def _escape(text) -> str:
    """What the template language's autoescaping does, without its lazy-text wrappers (a grid
    escapes hundreds of option labels)."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))


def _errors(field) -> SafeString:
    if not field.errors:
        return SafeString("")
    return format_html(
        '<div id="{}_error" class="invalid-feedback">{}</div>',
        field.errors.field_id or field.auto_id,
        format_html_join(
            "",
            '<p id="error_{}_{}"><strong>{}</strong></p>',
            ((number, field.auto_id, error) for number, error in enumerate(field.errors, 1)),
        ),
    )


def _help(field) -> SafeString:
    if not field.help_text:
        return SafeString("")
    return format_html(
        '<div id="{}_helptext" class="form-text">{}</div>',
        field.auto_id,
        mark_safe(field.help_text),  # as crispy does: help texts are the app's own words
    )
