"""The Content Security Policy allows no inline script or style: no template may rely on one."""

import re
from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "templates").rglob("*.html"))
INLINE = [
    (re.compile(r"\sstyle\s*="), "a style attribute"),
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "an inline script"),
    (re.compile(r"<style", re.I), "a style element"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an inline event handler"),
    (re.compile(r"https?://(?!www\.w3\.org/2000/svg)"), "an address on another host"),
]


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 40


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_no_template_needs_what_the_policy_forbids(template):
    text = template.read_text()
    found = [what for pattern, what in INLINE if pattern.search(text)]
    assert found == [], f"{template.name} has {', '.join(found)}"


def test_only_the_base_page_draws_the_error_summary():
    # One summary, at the top of <main>, for whatever form failed: a page that drew its own would
    # show two, or one halfway down the page.
    drawing = [t.name for t in TEMPLATES if "includes/error_summary.html" in t.read_text()]
    assert drawing == ["base.html"]


def test_browser_tests_open_pages_only_where_axe_core_checks_them():
    # The `page` and `open_page` fixtures run axe-core on every page a test reaches; a context
    # opened by hand would go unchecked.
    e2e = Path(__file__).resolve().parents[1] / "e2e"
    unchecked = [
        path.name
        for path in e2e.glob("test_*.py")
        if "new_context(" in path.read_text() or ".new_page(" in path.read_text()
    ]
    assert unchecked == []
