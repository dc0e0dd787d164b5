"""The error summary of step 3, where every factor is a small form of its own: each error says
which factor it is about."""

from crossroads.errors import ErrorItem, ErrorSummary, form_errors


def of_factors(formset) -> ErrorSummary:
    if not formset.is_bound:
        return ErrorSummary()
    items = [ErrorItem(str(error)) for error in formset.non_form_errors()]
    for form in formset.forms:
        name = form.initial.get("name") or "New factor"
        items += [ErrorItem(f"{name}: {error}") for error in form.non_field_errors()]
        items += [
            item
            for item in form_errors(form, label=lambda field, name=name: f"{name}, {field.label}")
            if item.anchor
        ]
    return ErrorSummary(items)
