"""The GOV.UK error summary: every error of a failed form, each linking to the field it is about.

Base.html shows one summary at the top of <main> and starts the page title with "Error: " when
the page holds a form that failed. It finds those forms itself, in the page's context; a page whose
errors need other words (many small forms in one list) gives its own `error_summary`."""

from dataclasses import dataclass

from django.forms import BaseForm, BaseFormSet
from django.utils.functional import LazyObject, Promise


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
