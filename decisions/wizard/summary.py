"""An error summary for pages with many small forms, shaped like a form so that the shared
``includes/error_summary.html`` can list every error with a link to its field."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SummaryField:
    id_for_label: str
    label: str
    errors: list


class ErrorSummary:
    def __init__(self, non_field_errors: list, fields: list[SummaryField]):
        self._non_field_errors = list(non_field_errors)
        self._fields = [field for field in fields if field.errors]

    @property
    def errors(self) -> bool:
        return bool(self._non_field_errors or self._fields)

    def non_field_errors(self) -> list:
        return self._non_field_errors

    def __iter__(self):
        return iter(self._fields)

    @classmethod
    def of_factors(cls, formset) -> "ErrorSummary":
        if not formset.is_bound:
            return cls([], [])
        non_field = list(formset.non_form_errors())
        fields = []
        for form in formset.forms:
            name = form.initial.get("name") or "New factor"
            non_field += [f"{name}: {error}" for error in form.non_field_errors()]
            fields += [
                SummaryField(form[field].id_for_label, f"{name}, {field}", form[field].errors)
                for field in ("name", "weight")
            ]
        return cls(non_field, fields)
