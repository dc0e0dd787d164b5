"""Form fields with exactly the markup crispy-forms gives them here, built in Python: its
Bootstrap 5 pack as the project's templates/bootstrap5/ change it (the GOV.UK order: label, hint,
error, then the input).

    {{ field|plain_field }}           as {{ field|as_crispy_field }}
    {{ field|plain_field:"inline" }}  as crispy's InlineRadios(field): radios side by side
    {{ form|plain_form }}             as {{ form|crispy }}
    {% plain_crispy form %}           as {% crispy form %}: the form helper's layout of
                                      fieldsets, rows, columns, divs and inline radios

Why: crispy renders each field through half a dozen templates, about a third of a millisecond a
field: more than a whole bare page for every few fields. Pages with a grid of selects or a long
form spent most of their time there (see `make bench`).

What stays the same: the markup, element for element and attribute for attribute, which
tests/crossroads/test_plain_fields.py checks against crispy itself for every field of every form
in the app; and the widgets' own logic (names, values, attributes, which option is chosen), which
comes from Django's ``Widget.get_context()``. What this module does not know (file inputs,
multi-widgets, a form helper asking for horizontal labels...) it hands to crispy, as before.
"""

import html

from crispy_forms import layout
from crispy_forms.bootstrap import InlineRadios
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import template
from django.forms import widgets
from django.template import engines
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_ASTERISK = '<span class="asteriskField">*</span>'
# Crispy's options for {{ field|as_crispy_field }} and {{ form|crispy }}; a form's helper may
# change them for the first.
_DEFAULTS = {
    "form_show_errors": True,
    "form_show_labels": True,
    "label_class": "",
    "field_class": "",
    "help_text_inline": False,
}


@register.filter
def plain_field(field, style: str = "") -> SafeString:
    """One field, as ``as_crispy_field`` renders it; ``style`` "inline" puts radios side by side,
    as crispy's ``InlineRadios`` does."""
    options = _options(field.form)
    widget = field.field.widget
    if options is None or not _known(widget) or (style and not _is_choice_list(widget)):
        return as_crispy_field(field)
    if field.is_hidden:
        return mark_safe(str(field))
    if style == "inline":
        return mark_safe(_inline_choices(field, options))
    return mark_safe(_field(field, options))


@register.filter
def plain_form(form) -> SafeString:
    """A whole form, as ``{{ form|crispy }}`` renders it: its own errors, then every field."""
    if not all(_known(bound.field.widget) for bound in form):
        return as_crispy_form(form)
    parts = [_form_errors(form.non_field_errors())] if form.non_field_errors() else []
    # {{ form|crispy }} reads no form helper: the defaults hold.
    parts += [str(bound) if bound.is_hidden else _field(bound, _DEFAULTS) for bound in form]
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def plain_crispy(context, form) -> SafeString:
    """A form laid out by its helper, as ``{% crispy form %}`` renders it."""
    helper, options = getattr(form, "helper", None), _options(form)
    if helper is None or options is None or helper.form_tag or helper.inputs:
        return _crispy_tag(context, form)
    if helper.layout is not None and not _plain_layout(helper.layout):
        return _crispy_tag(context, form)
    parts = []
    if options["form_method"].lower() == "post" and not options["disable_csrf"]:
        parts.append(_csrf_input(context))
    if options["form_show_errors"] and form.non_field_errors():
        parts.append(_form_errors(form.non_field_errors()))
    if helper.layout is None:  # every field in turn
        parts += [str(bound) if bound.is_hidden else _field(bound, options) for bound in form]
    else:
        parts.append(_layout(helper.layout, form, options, context))
    return mark_safe("".join(parts))


def _crispy_tag(context, form) -> SafeString:
    source = "{% load crispy_forms_tags %}{% crispy form %}"
    return engines["django"].from_string(source).render({**context.flatten(), "form": form})


def _csrf_input(context) -> str:
    """What ``{% csrf_token %}`` writes."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{_escape(token)}">'


# Layouts: bootstrap5/layout/fieldset.html, row.html, column.html, div.html ----------------------

_CONTAINERS = (layout.Fieldset, layout.Row, layout.Column, layout.Div)


def _plain_layout(item) -> bool:
    """Whether ``item`` holds only what this module lays out: field names, inline radios, HTML
    (crispy renders it), and fieldsets, rows, columns and divs with their default templates and
    plain legends."""
    if isinstance(item, str) or type(item) is layout.HTML:
        return True
    if type(item) is InlineRadios:
        return item.template == InlineRadios.template and not item.attrs and not item.wrapper_class
    if type(item) is layout.Layout:
        return all(_plain_layout(inner) for inner in item.fields)
    if type(item) in _CONTAINERS:
        default = type(item).template
        legend = str(getattr(item, "legend", ""))
        plain = item.template == default and "{" not in legend and not item.flat_attrs
        return plain and all(_plain_layout(inner) for inner in item.fields)
    return False


def _layout(item, form, options, context) -> str:
    if isinstance(item, str):
        bound = form[item]
        return str(bound) if bound.is_hidden else _field(bound, options)
    if type(item) is layout.HTML:
        return item.render(form, context)  # crispy's own: a template in the page's context
    if type(item) is InlineRadios:
        return "".join(_inline_choices(form[name], options) for name in item.fields)
    inner = "".join(_layout(part, form, options, context) for part in item.fields)
    if type(item) is layout.Layout:
        return inner
    id_ = f' id="{_escape(item.css_id)}"' if item.css_id else ""
    css = item.css_class or ""
    if type(item) is layout.Fieldset:
        legend = f"<legend>{item.legend}</legend>" if item.legend else ""
        return f"<fieldset{id_}{_class(css)}>{legend}{inner}</fieldset>"
    if type(item) is layout.Row:
        return f'<div{id_} class="row {_escape(css)}">{inner}</div>'
    if type(item) is layout.Column:
        column = css if "col" in css else f"col-md {css}"
        return f'<div{id_} class="{_escape(column)}">{inner}</div>'
    return f"<div{id_}{_class(css)}>{inner}</div>"


def _class(css: str) -> str:
    return f' class="{_escape(css)}"' if css else ""


# When to hand over to crispy ---------------------------------------------------------------------


def _options(form) -> dict | None:
    """Crispy's options for ``form``, or None when its helper asks for markup this module does
    not make (horizontal forms, label or wrapper classes, hidden labels, another template)."""
    helper = getattr(form, "helper", None)
    if helper is None:
        return _DEFAULTS
    options = {**_DEFAULTS, **helper.get_attributes("bootstrap5")}
    plain = (
        options["form_show_errors"]
        and options["form_show_labels"]
        and not options["label_class"]
        and not options["field_class"]
        and not options.get("wrapper_class")
        and not options["flat_attrs"]
        and options["field_template"] == "bootstrap5/field.html"
    )
    return options if plain else None


def _known(widget) -> bool:
    if isinstance(widget, (widgets.FileInput, widgets.MultiWidget)):
        return False
    known = (widgets.Input, widgets.Textarea, widgets.Select)  # inputs include checkboxes
    return isinstance(widget, known) or _is_choice_list(widget)


def _is_choice_list(widget) -> bool:
    """Radios or checkboxes, one per choice: crispy lays these out itself."""
    return isinstance(widget, (widgets.RadioSelect, widgets.CheckboxSelectMultiple))


# bootstrap5/field.html and bootstrap5/layout/radioselect_inline.html ------------------------------


def _field(field, options) -> str:
    widget = field.field.widget
    if isinstance(widget, widgets.CheckboxInput):
        label = _label(field, "label", "form-check-label", always_for=True)
        inner = _widget(field, "form-check-input") + label + _help_and_errors(field, options)
        return f'<div class="mb-3">{_wrapper(field, "form-check", inner)}</div>'
    if _is_choice_list(widget):
        legend = _label(field, "legend", "form-label", last=" fs-6")
        body = _help_and_errors(field, options) + _choices(field, inline=False)
        inner = _fieldset(field, legend + body)
    else:
        kind = "form-select" if isinstance(widget, widgets.Select) else "form-control"
        # The GOV.UK order: the label, the hint, the error, then the input.
        inner = _label(field, "label", "form-label") + _help_and_errors(field, options)
        inner += _widget(field, kind)
    return _wrapper(field, "mb-3", inner)


def _inline_choices(field, options) -> str:
    legend = _label(field, "legend", " fs-6 form-label")
    body = _help_and_errors(field, options) + _choices(field, inline=True)
    return _wrapper(field, "mb-3", _fieldset(field, legend + body))


def _wrapper(field, css: str, inner: str) -> str:
    more = field.css_classes()
    return f'<div id="div_{field.auto_id}" class="{css}{f" {more}" if more else ""}">{inner}</div>'


def _fieldset(field, inner: str) -> str:
    """The label of a list of radios or checkboxes is the legend of their fieldset."""
    if not field.label:
        return inner
    describedby = field.aria_describedby
    described = f' aria-describedby="{_escape(describedby)}"' if describedby else ""
    return f"<fieldset{described}>{inner}</fieldset>"


def _label(field, tag: str, css: str, last: str = "", always_for: bool = False) -> str:
    """A label (which names its input) or, for a list of choices, their fieldset's legend."""
    if not field.label:
        return ""
    target = field.id_for_label
    points = tag == "label" and (target or always_for)
    to = f' for="{_escape(target)}"' if points else ""
    required = field.field.required
    classes = f"{css}{' requiredField' if required else ''}{last}"
    asterisk = _ASTERISK if required else ""
    return f'<{tag}{to} class="{classes}">{_escape(field.label)}{asterisk}</{tag}>'


def _choices(field, inline: bool) -> str:
    """bootstrap5/layout/radio_checkbox_select.html: a form-check per choice (the hint and the
    errors of the group come before them, under the legend)."""
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    attrs = field.build_widget_attrs({"id": id_} if id_ else {})
    groups = widget.optgroups(field.html_name, widget.format_value(field.value()), attrs)
    invalid = " is-invalid" if field.errors else ""
    check = "form-check form-check-inline" if inline else "form-check"
    items = []
    for group, choices, _index in groups:
        if group:
            items.append(f"<strong>{_escape(group)}</strong>")
        items += [
            f'<div class="{check}"><input type="{option["type"]}" '
            f'class="form-check-input{invalid}" name="{_escape(field.html_name)}" '
            f'value="{_escape(option["value"])}"{_attrs(option["attrs"])}>'
            f'<label for="{_escape(option["attrs"].get("id", ""))}" '
            f'class="form-check-label">{_escape(option["label"])}</label></div>'
            for option in choices
        ]
    return f"<div>{''.join(items)}</div>"


def _help_and_errors(field, options) -> str:
    """bootstrap5/layout/help_text_and_errors.html, as the project has it (templates/bootstrap5/):
    the hint, then the errors, both before the input (the GOV.UK order)."""
    parts = _help(field, inline=options["help_text_inline"])
    if field.errors and options["form_show_errors"]:
        parts += _errors(field)
    return parts


def _errors(field) -> str:
    """The project's field_errors_block.html: each error with a hidden "Error:" for screen
    readers, under the id Django's aria-describedby points at."""
    items = "".join(
        f'<p id="error_{number}_{field.auto_id}" class="mb-1">'
        f'<span class="visually-hidden">Error:</span> {_escape(error)}</p>'
        for number, error in enumerate(field.errors, 1)
    )
    css = "invalid-feedback d-block field-error"
    return f'<div id="{field.auto_id}_error" class="{css}">{items}</div>'


def _help(field, inline: bool) -> str:
    """help_text.html. Help texts are the app's own words, marked safe as crispy does."""
    if not field.help_text:
        return ""
    if inline:
        return f'<span id="{field.auto_id}_helptext" class="form-text">{field.help_text}</span>'
    id_ = f'id="{field.auto_id}_helptext" ' if field.auto_id else ""
    return f'<div {id_}class="form-text">{field.help_text}</div>'


def _form_errors(errors) -> str:
    """bootstrap5/errors.html: the errors of the form as a whole."""
    items = "".join(f"<li>{_escape(error)}</li>" for error in errors)
    return f'<div class="alert alert-block alert-danger"><ul class="m-0">{items}</ul></div>'


# The widget: crispy's classes, then Django's own context and templates ---------------------------


def _widget(field, kind: str) -> str:
    """The widget with the classes crispy gives it: its own class name (``textinput``,
    ``select``...), then ``kind``, then ``is-invalid`` when the field has errors."""
    widget = field.field.widget
    if field.field.localize:
        widget.is_localized = True  # as BoundField.as_widget() does
    name = widget.__class__.__name__.lower()
    css = widget.attrs.get("class", "")
    if not css:
        css = name
    elif css.find(name) == -1:
        css += f" {name}"
    for word in [*kind.split(), *(["is-invalid"] if field.errors else [])]:
        if word not in css.split():
            css += f" {word}"
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), {"class": css, **attrs})
    return _render(widget, context["widget"])


def _render(widget, context: dict) -> str:
    """Django's input, textarea and select templates."""
    name, attrs = _escape(context["name"]), _attrs(context["attrs"])
    if isinstance(widget, widgets.Textarea):
        value = _escape(context["value"]) if context["value"] else ""
        return f'<textarea name="{name}"{attrs}>\n{value}</textarea>'
    if isinstance(widget, widgets.Select):
        groups = []
        for group, choices, _index in context["optgroups"]:
            options = "".join(
                f'<option value="{_escape(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_escape(option['label'])}</option>"
                for option in choices
            )
            groups.append(
                f'<optgroup label="{_escape(group)}">{options}</optgroup>' if group else options
            )
        return f'<select name="{name}"{attrs}>{"".join(groups)}</select>'
    value = context["value"]
    shown = "" if value is None else f' value="{_escape(value)}"'
    return f'<input type="{_escape(context["type"])}" name="{name}"{shown}{attrs}>'


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: True is a bare attribute, False none at all."""
    return "".join(
        f" {name}" if value is True else f' {name}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _escape(text) -> str:
    """The template language's autoescaping, without its lazy-text wrappers."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))
