"""Browser tests: Playwright driving Debian's Chromium against a live server.

Where no Chromium is installed they skip with a reason, unless CROSSROADS_REQUIRE_BROWSER is set
(CI sets it): then a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest

from tests.e2e.axe import CheckedPage

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are still safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        message = (
            f"No Chromium at {CHROMIUM}. Install Debian's with `apt-get install -y chromium` "
            "(never `playwright install`), or set CHROMIUM_PATH."
        )
        if os.environ.get("CROSSROADS_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP}


@pytest.fixture
def screenshot():
    """Save a full-page screenshot at desktop and at phone width, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            page.screenshot(path=SCREENSHOTS / f"{name}-{label}.png", full_page=True)
        page.set_viewport_size(DESKTOP)

    return take


@pytest.fixture
def page(page, request):
    """pytest-playwright's page, checked by axe-core on every page and state the test reaches."""
    checked = CheckedPage(page, request.node.nodeid)
    # A missing element should fail in seconds, not Playwright's default half minute.
    checked.set_default_timeout(8000)
    yield checked
    checked._axe.settle()


@pytest.fixture
def open_page(browser, request):
    """A page in a context of its own (another browser, JavaScript off...), checked like `page`.

    Browser tests open extra pages only through this, so that axe-core sees them too."""
    contexts, pages = [], []

    def open_(**context_args) -> CheckedPage:
        context = browser.new_context(**{"viewport": DESKTOP, **context_args})
        contexts.append(context)
        javascript = context_args.get("java_script_enabled", True)
        checked = CheckedPage(context.new_page(), request.node.nodeid, javascript)
        checked.set_default_timeout(8000)
        pages.append(checked)
        return checked

    yield open_
    for checked in pages:
        checked._axe.settle()
    for context in contexts:
        context.close()


@pytest.fixture
def log_in(live_server, page):
    """Log a user in through the login form, as a person would."""
    from tests.factories import PASSWORD

    def go(user) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{live_server.url}/")

    return go
