"""Modules that fit in a head: none of the apps' modules over 400 lines, no view over 25."""

import ast
from pathlib import Path

from tests.test_layers import FLOORS, ROOT

MODULE_LINES = 400
VIEW_LINES = 25


def _code_modules():
    for floor in [*FLOORS, "bench"]:
        for path in sorted((ROOT / floor).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield path


def _is_views_module(path: Path) -> bool:
    return path.stem.endswith("views") or "views" in path.relative_to(ROOT).parts


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in _code_modules()
        if (lines := len(path.read_text().splitlines())) > MODULE_LINES
    }
    assert long == {}


def test_no_view_is_over_25_lines():
    """Every function in a views module, its decorators left out, its docstring counted."""
    long = {}
    for path in filter(_is_views_module, _code_modules()):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > VIEW_LINES:
                    long[f"{path.relative_to(ROOT)}:{node.name}"] = lines
    assert long == {}
