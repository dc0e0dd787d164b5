"""Reading settings from environment variables: a malformed value stops the app at start, naming
the variable, rather than surfacing later as a puzzling error."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be a yes/no value such as 1, 0, true or false; got {raw!r}."
    )


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be {minimum} or more; got {raw!r}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_time_zone(name: str, default: str) -> str:
    """A time zone people can choose in the app: UTC or a place such as Europe/Amsterdam."""
    from crossroads.zones import is_offered

    value = os.environ.get(name, "").strip() or default
    if not is_offered(value):
        raise ImproperlyConfigured(
            f"{name} must be UTC or a place such as Europe/Amsterdam or America/New_York "
            f"(tzdata's region/city names); got {value!r}."
        )
    return value
