"""The GOV.UK error summary: every error of a failed form, each linking to the field it is about.

Base.html shows one summary at the top of <main> and starts the page title with "Error: " when
the page holds a form that failed. It finds those forms itself, in the page's context; a page whose
errors need other words (many small forms in one list) gives its own `error_summary`."""

from dataclasses import dataclass

from django import forms
from django.forms import BaseForm, BaseFormSet
from django.utils.functional import LazyObject, Promise

from crossroads.text import text_errors


@dataclass(frozen=True)
class ErrorItem:
    text: str
    anchor: str = ""  # the id of the field to go to; none for an error about the whole form
    page: str = ""  # the address of the page that holds the field, when it is another page


class ErrorSummary:
    def __init__(self, items=()):
        self.items = list(items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)

    @classmethod
    def of_forms(cls, forms) -> "ErrorSummary":
        items, seen = [], set()
        for form in _failed_forms(forms):
            if id(form) not in seen:
                seen.add(id(form))
                items += form_errors(form)
        return cls(items)


def field_anchor(bound_field) -> str:
    """The id a link to this field reaches: its input, or the first option of a group."""
    if bound_field.is_hidden or not bound_field.auto_id:
        return ""
    # Django gives radio and checkbox groups no id of their own (their <legend> has nothing to
    # point at); their options are numbered from 0.
    return bound_field.id_for_label or f"{bound_field.auto_id}_0"


def form_errors(form: BaseForm, label=None) -> list[ErrorItem]:
    """The errors of one form in page order, each field's with its label."""
    label = label or (lambda bound_field: bound_field.label)
    items = [ErrorItem(str(error)) for error in form.non_field_errors()]
    for bound_field in form:
        items += [
            ErrorItem(f"{label(bound_field)}: {error}", field_anchor(bound_field))
            for error in bound_field.errors
        ]
    return items


def _failed_forms(values):
    for value in values:
        if isinstance(value, BaseFormSet) and value.is_bound:
            if value.non_form_errors():
                yield _FormsetErrors(value)
            yield from _failed_forms(value.forms)
        elif isinstance(value, BaseForm) and value.is_bound and value.errors:
            yield value
        elif isinstance(value, list | tuple):
            yield from _failed_forms(v for v in value if isinstance(v, BaseForm | BaseFormSet))


class _FormsetErrors:
    """A formset's own errors (not any one form's), shaped for form_errors()."""

    def __init__(self, formset):
        self.formset = formset

    def non_field_errors(self):
        return self.formset.non_form_errors()

    def __iter__(self):
        return iter(())


def summary_for(context_values) -> ErrorSummary:
    """The summary for a page: the one the view gave, else one built from its failed forms."""
    # Lazy values (the user, the CSRF token) stay unevaluated: looking at them costs a query or
    # a cookie, and they are never forms.
    values = [v for v in context_values if not isinstance(v, LazyObject | Promise)]
    for value in values:
        if isinstance(value, ErrorSummary):
            return value
    return ErrorSummary.of_forms(values)


def require(form, messages: dict[str, str]) -> None:
    """Say what to do when a required field is left empty, in the user's words, not Django's
    "This field is required."."""
    for name, message in messages.items():
        if name in form.fields:
            form.fields[name].error_messages["required"] = message


# Our words for what Django's fields would otherwise say in its own ("Select a valid choice.",
# "Enter a whole number.", "Null characters are not allowed."). A form whose field needs
# sharper words sets them itself; these fill in only where Django's own would show.
OWN_MESSAGES = {
    "invalid_choice": "Choose one of the options shown: %(value)s is not one of them.",
    "invalid_list": "Choose from the options shown.",
    "invalid_pk_value": "Choose from the options shown: %(pk)s is not one of them.",
    "min_value": "Enter %(limit_value)s or more.",
    "max_value": "Enter %(limit_value)s or less.",
    "step_size": "Enter a multiple of %(limit_value)s.",
    "max_digits": "That is more than we can store: at most %(max)s digits in all.",
    "max_decimal_places": "Give it with at most %(max)s decimals.",
    "max_whole_digits": "That is more than we can store: at most %(max)s digits before the "
    "decimal separator.",
}
# "invalid" depends on what the field reads; the first kind that fits (a DecimalField is an
# IntegerField to Django) says it.
OWN_INVALID = (
    (forms.EmailField, "Enter an e-mail address such as name@example.com."),
    (forms.DecimalField, "Enter a number in digits, such as 12.5."),
    (forms.IntegerField, "Enter a whole number in digits, such as 12."),
    (forms.DateField, "Enter a date, such as 2026-12-01."),
    (forms.FileField, "Choose a file on your device, then send the form again."),
)


def _djangos(field) -> set[str]:
    """The codes of the errors ``field`` would word in Django's own messages: its classes'
    messages left as they are, and Django's validators' with no word of the field's own."""
    codes = set()
    for cls in type(field).__mro__:
        if cls.__module__.startswith("django."):
            for code, message in vars(cls).get("default_error_messages", {}).items():
                if field.error_messages.get(code) is message:
                    codes.add(code)
    for validator in field.validators:
        if type(validator).__module__.startswith("django."):
            own = getattr(validator, "messages", None) or {getattr(validator, "code", ""): None}
            codes |= {code for code in own if code and code not in field.error_messages}
    return codes


def use_own_messages(form) -> None:
    """Give every field of ``form`` our words wherever it would show Django's own: the words
    above and the text limits' (``crossroads.text``). What to say of a field left empty is each
    form's own (``require``). ``tests/crossroads/test_form_errors.py`` walks every form for a
    Django message left over."""
    for field in form.fields.values():
        own = dict(OWN_MESSAGES)
        for kind, message in OWN_INVALID:
            if isinstance(field, kind):
                own["invalid"] = own["missing"] = message
                break
        if isinstance(field, forms.CharField):
            own.update(text_errors(field.max_length))
        for code in _djangos(field) & set(own):
            field.error_messages[code] = own[code]
