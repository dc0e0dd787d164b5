"""A select with its label, errors and help, marked up exactly as crispy-forms' Bootstrap 5 pack
marks it up (``{{ field|as_crispy_field }}``), but built here in Python.

For grids of many selects, such as the ratings step (up to 75 of them): crispy renders each
through half a dozen templates, which cost more than all the rest of the page.
tests/crossroads/test_select_fields.py compares the markup with crispy's own, so the two cannot
drift apart."""

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_ASTERISK = mark_safe('<span class="asteriskField">*</span>')


@register.filter
def select_field(field) -> SafeString:
    """``{{ field|select_field }}`` for a bound field whose widget is a ``Select``."""
    return format_html(
        '<div id="div_{}" class="mb-3{}">{}{}{}{}</div>',
        field.auto_id,
        f" {field.css_classes()}" if field.css_classes() else "",
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
    groups = widget.optgroups(field.html_name, widget.format_value(field.value()), attrs)
    return format_html(
        '<select name="{}"{}>{}</select>',
        field.html_name,
        flatatt(attrs),
        format_html_join("", "{}", ((_options(name, options),) for name, options, _ in groups)),
    )


def _options(group: str | None, options: list[dict]) -> SafeString:
    html = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((option["value"], flatatt(option["attrs"]), option["label"]) for option in options),
    )
    return format_html('<optgroup label="{}">{}</optgroup>', group, html) if group else html


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
