"""``{{ widget.attrs|widget_attrs }}``: a widget's attributes as Django's
``django/forms/widgets/attrs.html`` writes them (in their order, ``True`` as the bare name,
``False`` left out), in one filter. The loop in a template cost a form of twenty fields a fifth
of its time: it ran for every attribute of every input, and of every checkbox of a list.

``{% choice_options field %}``: the options of a list of checkboxes or radios, as
crispy-bootstrap5's ``layout/radio_checkbox_select.html`` writes each one (box, then label), in
one tag: a template loop cost a list of thirty offers some 50 microseconds an option."""

from crispy_forms.templatetags.crispy_forms_filters import optgroups
from django import template
from django.templatetags.l10n import unlocalize
from django.utils.safestring import mark_safe

from crossroads.escaping import escape

register = template.Library()


@register.filter
def widget_attrs(attrs) -> str:
    return mark_safe(
        "".join(
            f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


@register.simple_tag(takes_context=True)
def choice_options(context, field) -> str:
    check = "form-check form-check-inline" if context.get("inline_class") else "form-check"
    box = "form-check-input is-invalid" if field.errors else "form-check-input"
    name = escape(field.html_name)
    html = []
    for group, options, _index in optgroups(field):
        if group:
            html.append(f"<strong>{escape(group)}</strong>")
        for option in options:
            attrs = option["attrs"]
            html.append(
                f'<div class="{check}">\n'
                f'<input type="{escape(option["type"])}" class="{box}" '
                f'name="{name}" value="{escape(unlocalize(option["value"]))}"'
                f"{widget_attrs(attrs)}>\n"
                f'<label for="{escape(attrs.get("id", ""))}" class="form-check-label">'
                f"{escape(unlocalize(option['label']))}</label>\n</div>"
            )
    return mark_safe("\n".join(html))
