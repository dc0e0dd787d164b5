"""axe-core in every browser test: each page a test reaches is checked in the state it shows.

`CheckedPage` stands in for Playwright's page. Whenever the test next touches the page after a
navigation (a link followed, a form submitted, a redirect), it waits for the new document to load
and runs axe-core on it at 1280 and at 320 pixels wide, then puts the viewport and the scroll
position back. A document already checked in the same state (the same markup) is not checked twice.
Any violation of WCAG 2.2 A/AA or of axe's best practices fails the test at that point, with the
rule, the page and the elements; an exception needs a reason in `EXCEPTIONS`.
"""

import hashlib
import os
import re
from pathlib import Path

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

WIDTHS = (1280, 320)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
REPORT = Path(__file__).resolve().parents[2] / "test-artifacts" / "axe"

# rule id -> why it does not apply here. Keep this empty unless a rule is wrong for a page, and
# say why in words a reviewer can check.
EXCEPTIONS: dict[str, str] = {}

_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"')
_ONCE = re.compile(r'(once=|name="once" value=")[0-9a-f-]{36}')
_RUN = "options => axe.run(document, options)"


class AxeChecker:
    def __init__(self, page, test_name: str, javascript: bool = True):
        self.page = page
        self.test_name = test_name
        self.javascript = javascript
        self.dirty = False
        self.busy = False
        self.seen: set[str] = set()
        self.checked: list[str] = []
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame) -> None:
        if frame.parent_frame is None:
            self.dirty = True

    def settle(self) -> None:
        """Check the page now showing if it changed since the last check."""
        if self.busy or not self.dirty or self.page.is_closed():
            return
        self.busy = True
        try:
            self.dirty = False
            self.page.wait_for_load_state("load")
            self.check()
        finally:
            self.busy = False

    def check(self) -> None:
        page = self.page
        markup = _CSRF.sub(r'\1"', page.evaluate("document.documentElement.outerHTML"))
        url = page.url.split("#")[0]
        # A create page's form token (crossroads/once.py) is new on each visit: the page is not.
        seen_as = _ONCE.sub(r"\1", f"{url}\n{markup}")
        key = hashlib.sha1(seen_as.encode()).hexdigest()
        if key in self.seen:
            return
        self.seen.add(key)
        if self.javascript:
            found = _check_in_place(page)
        else:
            found = _check_a_copy(page, markup)
        title = page.title()
        self.checked.append(f"{len(found)} violations\t{url}\t{title}")
        _log(self.test_name, self.checked[-1])
        if found:
            raise AssertionError(_describe(url, title, found))


def _run(page, height: int) -> list:
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        if not page.evaluate("typeof window.axe === 'object'"):
            page.evaluate(AXE_SCRIPT)
        violations = page.evaluate(_RUN, OPTIONS)["violations"]
        found += [(width, v) for v in violations if v["id"] not in EXCEPTIONS]
    return found


def _check_in_place(page) -> list:
    """Check the page itself, then put its viewport and scroll position back."""
    viewport = page.viewport_size
    scroll = page.evaluate("[window.scrollX, window.scrollY]")
    try:
        return _run(page, viewport["height"])
    finally:
        page.set_viewport_size(viewport)
        page.evaluate("([x, y]) => window.scrollTo(x, y)", scroll)


_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)


def _check_a_copy(page, markup: str) -> list:
    """A page without JavaScript runs no timers, and axe-core needs them: check a copy of the
    page as it stands (its scripts left out, so it stays as a visitor without JavaScript sees
    it) in a page that runs script, at the same address so its style sheets load the same."""
    context = page.context.browser.new_context(viewport=page.viewport_size)
    try:
        copy = context.new_page()
        url = page.url.split("#")[0]
        html = "<!DOCTYPE html>" + _SCRIPT.sub("", markup)
        copy.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
        copy.goto(url)
        return _run(copy, page.viewport_size["height"])
    finally:
        context.close()


def _log(test_name: str, line: str) -> None:
    REPORT.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with open(REPORT / f"checked-{worker}.txt", "a", encoding="utf-8") as log:
        log.write(f"{test_name}\t{line}\n")


def _describe(url: str, title: str, found) -> str:
    lines = [f"axe-core found {len(found)} violation(s) on {url} ({title}):"]
    for width, violation in found:
        lines.append(
            f"- at {width}px: {violation['id']} ({violation['impact']}): {violation['help']}"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


class CheckedPage(Page):
    """Playwright's page, checked by axe-core whenever the test touches it after a navigation.

    It shares the wrapped page's connection, so `expect(page)` and every method work as before."""

    def __init__(self, page, test_name: str, javascript: bool = True):
        self.__dict__.update(page.__dict__)
        self._axe = AxeChecker(page, test_name, javascript)

    def __getattribute__(self, name):
        if not name.startswith("_"):
            object.__getattribute__(self, "_axe").settle()
        return object.__getattribute__(self, name)

    def check_now(self) -> None:
        """Check the current state even without a navigation (for a change made by script)."""
        self._axe.settle()
        self._axe.check()
