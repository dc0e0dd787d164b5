"""The one range of dates and moments a person can enter, kept at every boundary: the form
fields, the database's check constraints and the import. Far-off years are typing mistakes, and
a year PostgreSQL or Python cannot turn into another time zone (year 1 in Amsterdam is 1 BC in
UTC) would break every page that shows it, and the reminder job."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, Q

EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
EARLIEST = datetime.date(EARLIEST_YEAR, 1, 1)
LATEST = datetime.date(LATEST_YEAR, 12, 31)
OUT_OF_RANGE = f"Check the year: it should be between {EARLIEST_YEAR} and {LATEST_YEAR}."
# A moment is checked in the zone it was typed in; stored in UTC, it may fall up to a day either
# side of the range, which the database allows.
_FIRST_MOMENT = datetime.datetime(EARLIEST_YEAR - 1, 12, 31, tzinfo=datetime.UTC)
_LAST_MOMENT = datetime.datetime(LATEST_YEAR + 1, 1, 1, 23, 59, 59, tzinfo=datetime.UTC)


def validate_day(value) -> None:
    """A date or a moment in a year someone could mean."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(OUT_OF_RANGE, code="out_of_range")


def day_in_range(name: str) -> Q:
    """For a CheckConstraint: the date in ``name`` is empty or in the range."""
    return Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__range": (EARLIEST, LATEST)})


def moment_in_range(name: str) -> Q:
    """For a CheckConstraint: the moment in ``name`` is empty or in the range, in UTC."""
    return Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__range": (_FIRST_MOMENT, _LAST_MOMENT)})


def limit_dates(form) -> None:
    """Give every date and date-time field of ``form`` the range, so a far-off year gets its
    message before the form's own checks compare or convert it."""
    for field in form.fields.values():
        if isinstance(field, (forms.DateField, forms.DateTimeField)):
            field.validators.append(validate_day)


def mend_far_off(apps, app_label: str, fields: dict[str, list[str]]) -> None:
    """For a data migration: rows already outside the range, brought into it before the
    constraints that keep them there are added. An empty value where the column allows one,
    else the nearest end of the range."""
    for model_name, names in fields.items():
        model = apps.get_model(app_label, model_name)
        for name in names:
            field = model._meta.get_field(name)
            moment = field.get_internal_type() == "DateTimeField"
            low, high = (_FIRST_MOMENT, _LAST_MOMENT) if moment else (EARLIEST, LATEST)
            for bound, outside in ((low, f"{name}__lt"), (high, f"{name}__gt")):
                changed = {name: None if field.null else bound}
                model.objects.filter(**{outside: bound}).update(**changed)


def in_range(model_name: str, days=(), moments=()) -> list:
    """A model's check constraints: each of its dates and moments empty or in the range."""
    return [
        CheckConstraint(condition=check(name), name=f"{model_name}_{name}_in_range")
        for names, check in ((days, day_in_range), (moments, moment_in_range))
        for name in names
    ]
