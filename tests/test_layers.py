"""Imports go one way, like floors of a house: crossroads < offers < decisions < reminders <
accounts. A module may import its own floor and the floors below it, never one above. The
project package imports apps only in its root URLs (and its migrations are history)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ["crossroads", "offers", "decisions", "reminders", "accounts"]
ALLOWED_TO_LOOK_UP = {Path("crossroads/urls.py")}


def _modules():
    for floor in FLOORS:
        for path in sorted((ROOT / floor).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" not in relative.parts:
                yield relative


def _is_module(dotted):
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imported_modules(path):
    """Every module the file imports, at its top or inside a function, as a dotted name."""
    tree = ast.parse((ROOT / path).read_text(), filename=str(path))
    package = list(path.with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            yield module
            for alias in node.names:  # `from offers import views` imports offers.views
                if _is_module(f"{module}.{alias.name}"):
                    yield f"{module}.{alias.name}"


def _floor(module):
    top = module.split(".")[0]
    return FLOORS.index(top) if top in FLOORS else None


def test_the_reading_finds_imports_at_the_top_and_inside_functions():
    urls = set(_imported_modules(Path("crossroads/urls.py")))
    assert {"accounts.urls", "offers.urls", "crossroads.auth_views"} <= urls
    assert "crossroads.models" in set(_imported_modules(Path("accounts/restore.py")))


def test_no_module_imports_a_floor_above_its_own():
    upward = []
    for path in _modules():
        if path in ALLOWED_TO_LOOK_UP:
            continue
        own = FLOORS.index(path.parts[0])
        for module in set(_imported_modules(path)):
            floor = _floor(module)
            if floor is not None and floor > own:
                upward.append(f"{path} imports {module}")
    assert sorted(upward) == []


def _is_views_module(dotted):
    parts = dotted.split(".")
    return parts[0] in FLOORS and "views" in parts[1:]


@pytest.mark.parametrize("floor", FLOORS)
def test_no_views_module_imports_another_views_module(floor):
    """A view module takes what it shares with another from a module that is not a view."""
    crossing = []
    for path in _modules():
        own = ".".join(path.with_suffix("").parts)
        if path.parts[0] != floor or not _is_views_module(own):
            continue
        for module in set(_imported_modules(path)):
            is_own_package = own.startswith(f"{module}.")
            if _is_views_module(module) and module != own and not is_own_package:
                crossing.append(f"{path} imports {module}")
    assert sorted(crossing) == []
