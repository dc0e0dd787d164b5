"""What the field template (``templates/bootstrap5/field.html``) reads of a bound field, read
once in Python. In a template each read of ``field.x`` first tries the field as a dict (a bound
field answers that with an error) and then as an object: a form of forty fields made some five
hundred such reads."""

from crispy_forms.templatetags.crispy_forms_field import is_checkbox, is_file, is_select
from django import template

register = template.Library()


@register.simple_tag
def field_parts(field) -> dict:
    """``{% field_parts field as parts %}``: the values the field template writes or tests."""
    return {
        "checkbox": is_checkbox(field),
        "errors": field.errors,
        "auto_id": field.auto_id,
        "required": field.field.required,
        "fieldset": field.use_fieldset,
        "label": field.label,
        "css_classes": field.css_classes(),
        "id_for_label": field.id_for_label,
        "is_file": is_file(field),
        "hint": field.help_text,
        "is_select": is_select(field),
    }
