"""How the app writes and reads money, numbers and dates for people: one place for each format.

Every person has a number format (a Babel locale such as ``en_NL``: English words, Dutch numbers
"1.234,56"). A middleware activates the signed-in user's for the request; code that runs outside a
request (or wants another format) passes ``locale=`` explicitly. Without either, the app's default
``DEFAULT_NUMBER_FORMAT`` is used.

The formats offered are Babel's English locales for each country: the words stay the app's own
English, while the digits, separators and the order of day and month follow the country.
"""

import contextlib
import contextvars
import copy
import datetime
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale, UnknownLocaleError, localedata
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.core import get_global

DEFAULT_NUMBER_FORMAT = "en_US"
_ENGLISH = Locale("en")
_active_locale: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "crossroads_number_format", default=None
)


# The number formats on offer ----------------------------------------------------------------------


@functools.cache
def number_formats() -> dict[str, str]:
    """Every format offered, as ``{locale: label}``, sorted by label: ``"Netherlands:
    1.234.567,89"``. One a country: Babel's English locale for that country."""
    found = {}
    for identifier in localedata.locale_identifiers():
        parts = identifier.split("_")
        if len(parts) != 2 or parts[0] != "en" or not re.fullmatch(r"[A-Z]{2}", parts[1]):
            continue
        country = _ENGLISH.territories.get(parts[1], parts[1])
        example = babel_numbers.format_decimal(Decimal("1234567.89"), locale=identifier)
        found[identifier] = f"{country}: {example}"
    return dict(sorted(found.items(), key=lambda item: item[1]))


def is_number_format(code: str) -> bool:
    return code in number_formats()


def number_format_for_browser(accept_language: str) -> str:
    """The format of the first language in an ``Accept-Language`` header that names (or implies)
    a country we offer: ``nl-NL,nl;q=0.9`` gives ``en_NL``, ``de`` gives ``en_DE`` (Germany is
    where German is most likely meant). Nothing usable gives the default."""
    for tag in _languages_by_preference(accept_language):
        try:
            locale = Locale.parse(tag.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            continue
        territory = locale.territory or _likely_territory(locale.language)
        candidate = f"en_{territory}" if territory else None
        if candidate and is_number_format(candidate):
            return candidate
    return DEFAULT_NUMBER_FORMAT


def _languages_by_preference(header: str) -> list[str]:
    weighted = []
    for position, part in enumerate((header or "")[:500].split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if tag and tag != "*" and re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", tag):
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def _likely_territory(language: str) -> str | None:
    likely = get_global("likely_subtags").get(language)
    return likely.split("_")[-1] if likely else None


# Which format is in use -------------------------------------------------------------------------


def current_locale() -> str:
    return _active_locale.get() or DEFAULT_NUMBER_FORMAT


def babel_locale(code: str | None = None) -> Locale:
    """Babel's Locale for a number format (the one in use by default)."""
    return _parsed_locale(code or current_locale())


@functools.cache
def _parsed_locale(code: str) -> Locale:
    # Once a format: given the code, Babel would read it afresh for every number and date.
    return Locale.parse(code)


@contextlib.contextmanager
def number_format_in_use(code: str | None):
    """Use ``code`` (a user's number format) for everything written or read inside the block."""
    token = _active_locale.set(code if code and is_number_format(code) else None)
    try:
        yield
    finally:
        _active_locale.reset(token)


# Writing ------------------------------------------------------------------------------------------


def format_money(amount, currency: str = "", locale: str | None = None) -> str:
    """An amount in the person's format with the ISO code where their country puts it:
    ``USD 120,000`` (United States), ``EUR 95.000`` (Netherlands), ``95.000 EUR`` (Germany).
    Cents only when there are any. Nothing at all (None or "") is a dash."""
    if amount is None or amount == "":
        return "—"
    locale = locale or current_locale()
    value = Decimal(amount)
    if not currency:
        return format_number(value, locale)
    pattern, parsed = _priced_pattern(locale, _is_whole(value), currency)
    return pattern.apply(value, parsed, currency_digits=False)


def format_number(value, locale: str | None = None) -> str:
    """A number in the person's format, cents only if any: ``1.234,5`` -> ``1.234,50``."""
    locale = locale or current_locale()
    value = Decimal(value)
    return _number_pattern(locale, _is_whole(value)).apply(value, babel_locale(locale))


def format_short(value, locale: str | None = None) -> str:
    """A round amount in few characters, for a chart's axis on a phone: ``1.5M``, ``250K``."""
    locale = locale or current_locale()
    return babel_numbers.format_compact_decimal(Decimal(value), locale=locale, fraction_digits=1)


def format_exact(value, locale: str | None = None) -> str:
    """A number such as an exchange rate in the person's format, with every decimal it has, up to
    six: ``25,2`` or ``0.0398``."""
    locale = locale or current_locale()
    return babel_numbers.format_decimal(
        Decimal(value), format="#,##0.######", locale=babel_locale(locale)
    )


def parse_exact(text: str, locale: str | None = None) -> Decimal | None:
    """A number typed in the person's own format (``25,2`` where the comma marks decimals), or
    None when it is not one."""
    compact = re.sub(f"[{_SEPARATORS}]", "", text.strip())
    return _strict(compact, locale or current_locale()) if compact else None


# Pages print hundreds of amounts: each locale's patterns are read and parsed once per process.
@functools.cache
def _money_pattern(locale: str, whole: bool) -> babel_numbers.NumberPattern:
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    # The ISO code (¤¤) rather than a symbol: "$" is ambiguous between a dozen currencies.
    pattern = re.sub(r"¤\s*", "¤¤ ", pattern) if pattern.startswith("¤") else pattern
    pattern = pattern.replace("¤", "¤¤").replace("¤¤¤¤", "¤¤")
    return babel_numbers.parse_pattern(_fraction(pattern, whole))


@functools.lru_cache(maxsize=1024)
def _priced_pattern(locale: str, whole: bool, currency: str):
    """The money pattern with the ISO code written in, and the parsed locale: Babel then skips
    looking up the currency's name and symbol on every amount (12 to 4 microseconds each)."""
    pattern = copy.copy(_money_pattern(locale, whole))
    pattern.prefix = tuple(part.replace("¤¤", currency.upper()) for part in pattern.prefix)
    pattern.suffix = tuple(part.replace("¤¤", currency.upper()) for part in pattern.suffix)
    return pattern, babel_locale(locale)


@functools.cache
def _number_pattern(locale: str, whole: bool) -> babel_numbers.NumberPattern:
    pattern = Locale.parse(locale).decimal_formats[None].pattern.split(";")[0]
    return babel_numbers.parse_pattern(_fraction(pattern, whole))


def _is_whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def _fraction(pattern: str, whole: bool) -> str:
    return re.sub(r"\.[0#]+", "" if whole else ".00", pattern)


def format_date(day: datetime.date, locale: str | None = None) -> str:
    """A date in a sentence: ``1 December 2026``. Day before month, as every page writes it."""
    return babel_dates.format_date(day, format="d MMMM y", locale=babel_locale(locale))


# Days in words in lists that show many (Django's ``date`` filter, "l j F Y" and "D j M", costs
# some 25 microseconds a date): the names are English whatever the number format, as the filter's.


def long_date(day: datetime.date, year: bool = True) -> str:
    """``Saturday 5 December 2026``; ``Saturday 5 December`` without the year."""
    return f"{day:%A} {day.day} {day:%B %Y}" if year else f"{day:%A} {day.day} {day:%B}"


def short_date(day: datetime.date) -> str:
    """``Sat 5 Dec``."""
    return f"{day:%a} {day.day} {day:%b}"


def format_datetime(moment: datetime.datetime, zone, locale: str | None = None) -> str:
    """A moment in ``zone``, always with the zone's name: ``Monday 1 December 2026, 09:30
    (Amsterdam time)``."""
    local = moment.astimezone(zone)
    locale = babel_locale(locale)
    day = babel_dates.format_date(local.date(), format="EEEE d MMMM y", locale=locale)
    clock = babel_dates.format_time(local, format="HH:mm", locale=locale)
    return f"{day}, {clock} ({zone_name(zone)})"


def zone_name(zone) -> str:
    """A zone as people name it: ``Amsterdam time``; UTC stays ``UTC``."""
    key = getattr(zone, "key", str(zone))
    if key in ("UTC", "Etc/UTC"):
        return "UTC"
    return f"{key.rsplit('/', 1)[-1].replace('_', ' ')} time"


# Reading ------------------------------------------------------------------------------------------


class AmountError(ValueError):
    """An amount that cannot be read; the message says why, in words for the person."""


@dataclass(frozen=True)
class Reading:
    value: Decimal
    typed: str
    # Set when the entry could be read more than one way, or was not in the person's own format:
    # how it was read, for a message.
    note: str = ""


_SEPARATORS = " _'’\u00a0\u202f"
_ALLOWED = re.compile(rf"[0-9.,{_SEPARATORS}]+")
_SPACED_GROUPS = re.compile(rf"\d{{1,3}}(?:[{_SEPARATORS}]\d{{3}})+(?:[.,]\d+)?")
MONEY_DECIMALS = 2


def parse_amount(text: str, locale: str | None = None) -> Reading | None:
    """An amount typed in any common way, read in the person's format first: "95.000",
    "95 000", "95,000.50", "95.000,50". None for an empty entry. Raises AmountError for
    anything else, such as "1.2.3" or "12,34,56"."""
    typed = (text or "").strip()
    if not typed:
        return None
    locale = locale or current_locale()
    if typed.startswith("-"):
        raise AmountError("Enter an amount of zero or more.")
    if not _ALLOWED.fullmatch(typed):
        raise AmountError(f"Enter the amount as a number in digits, such as {_example(locale)}.")
    compact = typed
    if any(char in typed for char in _SEPARATORS):
        if not _SPACED_GROUPS.fullmatch(typed):
            raise AmountError(
                f"Spaces or apostrophes may only separate thousands, as in "
                f"{_example(locale)}. Check “{typed}”."
            )
        compact = re.sub(f"[{_SEPARATORS}]", "", typed)

    own = _strict(compact, locale)
    if own is not None and _fits(own):
        return Reading(own, typed)
    for other_locale in ("en_US", "en_DE"):
        other = _strict(compact, other_locale)
        if other is None or not _fits(other) or other_locale == locale:
            continue
        shown = f"{format_number(other, locale)}{_size(other)}"
        if own is not None:
            # Both readings are amounts someone could mean: the person says which, never a guess.
            raise AmountError(
                f"“{typed}” could be {shown} or {format_number(own, locale)}: type it without "
                f"a separator for thousands, or with the cents, as in {_example(locale)}."
            )
        note = f"“{typed}” was read as {shown}."
        return Reading(other, typed, note)
    if own is not None:
        raise AmountError(
            f"Give at most {MONEY_DECIMALS} decimals, as in {_example(locale)}. Check “{typed}”."
        )
    raise AmountError(
        f"“{typed}” is not an amount we can read. Type it as {_example(locale)}, or "
        "with no separators at all."
    )


def _strict(text: str, locale: str) -> Decimal | None:
    try:
        value = babel_numbers.parse_decimal(text, locale=babel_locale(locale), strict=True)
    except babel_numbers.NumberFormatError:
        return None
    return value if value.is_finite() else None


def _fits(value: Decimal) -> bool:
    return value.as_tuple().exponent >= -MONEY_DECIMALS


def _example(locale: str) -> str:
    return format_number(Decimal("95000.50"), locale)


def _size(value: Decimal) -> str:
    """The size in words, so a misread amount stands out: " (95 thousand)"."""
    for size, word in ((1_000_000, "million"), (1_000, "thousand")):
        if value >= size:
            scaled = babel_numbers.format_decimal(value / size, format="#,##0.#", locale="en")
            return f" ({scaled} {word})"
    return ""


# Currencies ---------------------------------------------------------------------------------------


@functools.cache
def currencies() -> dict[str, str]:
    """Every ISO 4217 currency some country uses today, as ``{code: "EUR: Euro"}`` by code."""
    today = datetime.date.today()
    codes = {
        code
        for territory in _ENGLISH.territories
        if re.fullmatch(r"[A-Z]{2}", territory)
        for code in babel_numbers.get_territory_currencies(territory, start_date=today)
    }
    return {code: f"{code}: {_ENGLISH.currencies.get(code, code)}" for code in sorted(codes)}


def local_currency(locale: str | None = None) -> str:
    """The currency of the country of a number format: ``EUR`` for ``en_NL``."""
    territory = Locale.parse(locale or current_locale()).territory
    found = babel_numbers.get_territory_currencies(territory) if territory else []
    return found[0] if found and found[0] in currencies() else "USD"
