"""What the field template (``templates/bootstrap5/field.html``) reads of a bound field, read
once in Python. In a template each read of ``field.x`` first tries the field as a dict (a bound
field answers that with an error) and then as an object: a form of forty fields made some five
hundred such reads."""

from crispy_forms.templatetags.crispy_forms_field import (
    is_checkbox,
    is_checkboxselectmultiple,
    is_file,
    is_radioselect,
    is_select,
)
from django import template

register = template.Library()


@register.simple_tag
def field_parts(field) -> dict:
    """``{% field_parts field as parts %}``: the values the field template writes or tests, and
    which of Bootstrap's classes its input takes (crispy's choice, made once here rather than by
    a chain of tests in the template)."""
    checkbox, errors, fieldset = is_checkbox(field), field.errors, field.use_fieldset
    options = fieldset and (is_radioselect(field) or is_checkboxselectmultiple(field))
    if checkbox:
        input_class = "form-check-input"
    elif is_select(field) and not fieldset:
        input_class = "form-select"
    else:
        input_class = "form-control"
    return {
        "checkbox": checkbox,
        "errors": errors,
        "auto_id": field.auto_id,
        "required": field.field.required,
        "fieldset": fieldset,
        "label": field.label,
        "css_classes": field.css_classes(),
        "id_for_label": field.id_for_label,
        "is_file": is_file(field),
        "hint": field.help_text,
        "options": options,  # a list of radios or checkboxes, drawn by its own template
        "input_class": f"{input_class} is-invalid" if errors else input_class,
    }
