"""The time zones people can choose: real places, grouped by region.

The rule: every name ``zoneinfo.available_timezones()`` knows under a continent or ocean (Africa,
America, Antarctica, Arctic, Asia, Atlantic, Australia, Europe, Indian, Pacific), less every alias
in Babel's CLDR data (``Asia/Calcutta`` for ``Asia/Kolkata``, ``Europe/Kiev``...).
That drops "Factory", "localtime", "Etc/GMT+1", "US/Eastern" and the other legacy names, and
leaves exactly the per-country list of tzdata's ``zone.tab``. UTC is offered too, on its own.
"""

import functools
import zoneinfo

from babel import Locale
from babel.core import get_global

REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
UTC = "UTC"
_ENGLISH = Locale("en")


@functools.cache
def canonical_zones() -> frozenset[str]:
    aliases = get_global("zone_aliases")
    return frozenset(
        name
        for name in zoneinfo.available_timezones()
        if name.split("/")[0] in REGIONS and "/" in name and name not in aliases
    )


def is_offered(name: str) -> bool:
    return name == UTC or name in canonical_zones()


def zone_label(name: str) -> str:
    """``Amsterdam (Netherlands)``; ``Indiana / Knox (United States)``."""
    place = " / ".join(part.replace("_", " ") for part in name.split("/")[1:])
    territory = get_global("zone_territories").get(name)
    country = _ENGLISH.territories.get(territory) if territory and territory != "001" else None
    return f"{place} ({country})" if country else place


@functools.cache
def grouped_choices() -> tuple:
    """Choices for a select with one <optgroup> a region, places sorted by name."""
    by_region: dict[str, list] = {}
    for name in canonical_zones():
        by_region.setdefault(name.split("/")[0], []).append((name, zone_label(name)))
    groups = [
        (region, sorted(by_region[region], key=lambda choice: choice[1]))
        for region in REGIONS
        if region in by_region
    ]
    return ((UTC, "UTC (Coordinated Universal Time)"), *groups)


def browser_aliases() -> dict[str, str]:
    """Old names a browser may still report (Chromium says ``Asia/Calcutta``), to the name in
    the list."""
    return {old: new for old, new in get_global("zone_aliases").items() if is_offered(new)}
