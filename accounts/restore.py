"""Importing an export file into the signed-in account: all of it, or nothing.

``read_export`` refuses a file that is too big, is not JSON, is of another format or version,
or was changed after it was exported (its signature, see ``accounts/export.py``). ``restore``
then adds every record to the account with new ids (the sections marked ``restored``; the
account keeps its own reminder settings), rebuilding each reference from the file's
ids, in one transaction: a record that points to one missing from the file, a value a field
cannot hold (a text too long, a NUL character, an unknown choice, a broken rule of the database)
refuses the whole file. ``check`` does the same and rolls it back, to preview what would be added.

Every message is a ``Refused`` in words for the person, naming the record when there is one.
"""

import json
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, models, transaction

from accounts.export import (
    FORMAT,
    FORMAT_VERSION,
    SECTIONS,
    content_digest,
    owner_field,
    signature_matches,
)
from crossroads.formats import currencies, is_number_format
from crossroads.models import ImportedFile, PendingImport, User
from crossroads.text import LONG_TEXT_LIMIT
from crossroads.zones import is_offered
from offers import changes
from offers.models import Offer

MAX_BYTES = 10 * 1024 * 1024  # 10 MB: an account with 500 offers exports well under 2 MB
# Objects, lists, keys and items a file may hold (counted before it is read): far above a real
# export's (a few per field of each record), low enough that reading a hostile file of empty
# objects or one long list stays within a small multiple of its size.
MAX_ITEMS = 500_000
RESTORED = [section for section in SECTIONS if section.restored]
_SECTION_OF = {section.model: section for section in RESTORED}
# Fields that files of this version written before a field was retired still carry: read past.
# (An offer's add-form token: forms now submit once through ``crossroads/once.py``.)
RETIRED_FIELDS = {"offers": {"form_token"}}


_IMPORTED_BEFORE = (
    "You have imported this file into this account before: importing it again would add every "
    "record twice."
)


class Refused(Exception):
    """The file cannot be imported; the message says why, and that nothing was imported."""


def read_export(uploaded) -> dict:
    """The file's content, once it is known to be an unchanged export of this version."""
    if uploaded.size >= MAX_BYTES:
        raise Refused(
            f"This file is {uploaded.size / 1024 / 1024:.0f} MB: the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB."
        )
    content = uploaded.read(MAX_BYTES)
    if sum(content.count(mark) for mark in (b"{", b"[", b",", b":")) > MAX_ITEMS:
        raise Refused("This file holds far more than any export does, so it is not one.")
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        raise Refused("This is not a Crossroads export: it is not a JSON file.") from None
    except RecursionError:
        raise Refused("This is not a Crossroads export: it is nested far too deep.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Refused("This is not a Crossroads export file.")
    if data.get("version") != FORMAT_VERSION:
        raise Refused(
            f"This export was made by another version of Crossroads (file format "
            f"{data.get('version')!r}; this one reads format {FORMAT_VERSION})."
        )
    claimed = data.pop("signature", None)
    if not signature_matches(data, claimed):
        raise Refused(
            "This file was changed after it was exported (or comes from another Crossroads "
            "installation), so it cannot be trusted."
        )
    return data


def check(user, data: dict) -> dict[str, int]:
    """What ``restore`` would add, by section, without keeping any of it."""
    if ImportedFile.objects.filter(owner=user, digest=content_digest(data)).exists():
        raise Refused(_IMPORTED_BEFORE)
    with transaction.atomic():
        counts = restore(user, data)
        transaction.set_rollback(True)
    return counts


def restore(user, data: dict) -> dict[str, int]:
    """Add every record of ``data`` to ``user``'s account; the number added by section."""
    new_ids: dict[str, dict[int, int]] = {}
    try:
        with transaction.atomic():
            for section in RESTORED:
                new_ids[section.name] = _restore_section(user, section, data, new_ids)
            # The file is the past: the withdrawals it owes, as ``offers.changes`` says.
            changes.record_history(Offer.objects.filter(pk__in=new_ids["offers"].values()))
    except (IntegrityError, DataError) as error:
        raise Refused(f"The file's records cannot be saved: {_broken_rule(error)}.") from None
    return {section.name: len(new_ids[section.name]) for section in RESTORED}


@dataclass
class _Built:
    old_id: int
    obj: models.Model
    many: dict  # many-to-many field -> the new ids it points to
    own: dict  # field pointing to a record of the same kind -> its old id, set once all exist


def _restore_section(user, section, data, new_ids) -> dict[int, int]:
    rows = data.get(section.name, [] if section.added_later else None)
    if not isinstance(rows, list):
        raise Refused(f"The file has no list of {section.model._meta.verbose_name_plural}.")
    built = [_build(user, section, row, new_ids) for row in rows]
    old_ids = [item.old_id for item in built]
    if len(set(old_ids)) != len(old_ids):
        raise Refused(f"Two {section.model._meta.verbose_name_plural} have the same id.")
    created = section.model.objects.bulk_create([item.obj for item in built])
    mapping = {item.old_id: obj.pk for item, obj in zip(built, created, strict=True)}
    for item, obj in zip(built, created, strict=True):
        for field, targets in item.many.items():
            getattr(obj, field.name).set(targets)
    _point_to_own_kind(section, built, mapping)
    return mapping


def _point_to_own_kind(section, built, mapping) -> None:
    """Set the references between records of one kind, now that they all have their new ids."""
    pointing = [item for item in built if any(old is not None for old in item.own.values())]
    for item in pointing:
        for field, old in item.own.items():
            if old is not None and old not in mapping:
                raise Refused(
                    f"The {section.label} {item.old_id} refers to {section.label} {old}, "
                    "which is not in the file."
                )
            setattr(item.obj, field.attname, mapping.get(old))
    if pointing:
        fields = {field.name for item in pointing for field in item.own}
        section.model.objects.bulk_update([item.obj for item in pointing], sorted(fields))


def _build(user, section, row, new_ids) -> _Built:
    """An unsaved record from one row, its references turned into the new ids."""
    if not isinstance(row, dict) or not isinstance(row.get("id"), int):
        raise Refused(f"A {section.label} in the file has no id.")
    old_id = row["id"]
    row = {
        key: value for key, value in row.items() if key not in RETIRED_FIELDS.get(section.name, ())
    }
    name = f"{section.label} {old_id}"
    owner = owner_field(section.model)
    fields = section.written_fields()
    many = section.model._meta.many_to_many
    expected = {f.name for f in (*fields, *many)} | {"id"}
    if set(row) != expected:
        raise Refused(f"The {name} does not have the fields of this version's export.")
    obj = section.model(**({owner.name: user} if owner else {}))
    own = {}
    for field in fields:
        value = row[field.name]
        if field.is_relation and field.related_model is section.model:
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise Refused(f"The {name}'s {field.verbose_name} is not an id.")
            own[field] = value
        elif field.is_relation:
            setattr(obj, field.attname, _new_id(field, value, new_ids, name))
        else:
            setattr(obj, field.attname, _value(field, value, name))
    if not all(isinstance(row[field.name], list) for field in many):
        raise Refused(f"The {name} does not have the fields of this version's export.")
    targets = {f: [_new_id(f, pk, new_ids, name) for pk in row[f.name]] for f in many}
    try:
        obj.full_clean(
            exclude=[f.name for f in fields if f.is_relation] + [f.name for f in many],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        raise Refused(f"The {name} cannot be saved: {_first_message(error)}") from None
    return _Built(old_id, obj, targets, own)


def _new_id(field, old, new_ids, name):
    if old is None:
        if not field.null:
            raise Refused(f"The {name} has no {field.verbose_name}.")
        return None
    target = _SECTION_OF.get(field.related_model)
    if target is None:
        raise Refused(f"The {name} points to something an export does not contain.")
    if isinstance(old, bool) or not isinstance(old, int) or old not in new_ids.get(target.name, {}):
        raise Refused(
            f"The {name} refers to {target.label} {old}, which is not in the file "
            "(or comes after it)."
        )
    return new_ids[target.name][old]


def _value(field, value, name):
    if isinstance(value, str):
        if "\x00" in value:
            raise Refused(f"The {name} has a NUL character in its {field.verbose_name}.")
        if isinstance(field, models.TextField) and len(value) > LONG_TEXT_LIMIT:
            raise Refused(
                f"The {name}'s {field.verbose_name} is over {LONG_TEXT_LIMIT:,} characters."
            )
    try:
        converted = field.to_python(value)
        if converted is not None:
            field.run_validators(converted)  # the ranges people are held to, dates' included
        return converted
    except ValidationError as error:
        raise Refused(
            f"The {name}'s {field.verbose_name} is not valid: {_first_message(error)}"
        ) from None


def _first_message(error: ValidationError) -> str:
    return next(iter(error.messages), "not valid")


def _broken_rule(error: Exception) -> str:
    """The rule a record broke, in words: the constraint's own message, or what kind of rule."""
    name = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if constraint.name == name:
                return _rule_in_words(model, constraint)
    if isinstance(error, DataError):
        return "a value is too large or not valid where it is stored"
    return "two records that must differ are the same, or one points to nothing"


def _rule_in_words(model, constraint) -> str:
    own = constraint.violation_error_message
    if own and own != type(constraint).default_violation_error_message:
        return str(own).rstrip(".")
    kind = model._meta.verbose_name
    if isinstance(constraint, models.UniqueConstraint):
        fields = " and ".join(str(model._meta.get_field(f).verbose_name) for f in constraint.fields)
        return f"two of its {model._meta.verbose_name_plural} have the same {fields}"
    return f"a {kind} with a value it does not allow"


# The account's settings a file carries, which the person may take with its records.
SETTINGS = ("time_zone", "number_format", "home_currency")


def settings_in(user, data: dict) -> dict[str, str]:
    """The settings in the file that this app accepts and that differ from ``user``'s own."""
    account = data.get("account") if isinstance(data.get("account"), dict) else {}
    accepted = {
        "time_zone": is_offered,
        "number_format": is_number_format,
        "home_currency": lambda code: code == "" or code in currencies(),
    }
    return {
        name: account[name]
        for name in SETTINGS
        if isinstance(account.get(name), str)
        and account[name] != getattr(user, name)
        and accepted[name](account[name])
    }


def restore_pending(user, pk, take_settings: bool = False) -> dict[str, int]:
    """Import a previewed file once: a second confirmation (another tab, a double click) finds
    it gone rather than importing it twice. With ``take_settings``, the account takes the file's
    time zone, number format and home currency too."""
    with transaction.atomic():
        pending = PendingImport.objects.select_for_update().filter(pk=pk, owner=user).first()
        if pending is None:
            raise Refused("This file has been imported already, or its preview has expired.")
        digest = content_digest(pending.data)
        if ImportedFile.objects.filter(owner=user, digest=digest).exists():
            raise Refused(_IMPORTED_BEFORE)
        ImportedFile.objects.create(owner=user, digest=digest)
        counts = restore(user, pending.data)
        if take_settings and (taken := settings_in(user, pending.data)):
            User.objects.filter(pk=user.pk).update(**taken)
        pending.delete()
    return counts


def described(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(kind of record, number) for every kind the file holds, in the order of the export."""
    return [
        (section.name.replace("_", " "), counts[section.name])
        for section in RESTORED
        if counts.get(section.name)
    ]


def in_words(counts: dict[str, int]) -> str:
    """ "2 offers, 1 decision, 5 factors", or "nothing"."""
    parts = [s.words(counts[s.name]) for s in RESTORED if counts.get(s.name)]
    return ", ".join(parts) or "nothing"
