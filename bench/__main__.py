"""`python -m bench`: seed the benchmark database, time every page against the bare page, then
measure throughput under gunicorn, and print the tables (see docs/performance.md)."""

import datetime
import os
import platform
import sys
from pathlib import Path

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from bench import load, measure, seed  # noqa: E402
from crossroads.env import env_int  # noqa: E402
from decisions.models import Decision  # noqa: E402
from offers.compare.forms import compare_url  # noqa: E402

ROUNDS = env_int("BENCH_ROUNDS", 15)
LOAD_ROUNDS = env_int("BENCH_LOAD_ROUNDS", 3)
LOAD_SECONDS = env_int("BENCH_LOAD_SECONDS", 5)
HEAVIEST_UNDER_LOAD = 4

PAGE_LIMIT = 5  # times the bare page
GROWTH_LIMIT = 2  # 500 offers against 3
# Of the bare page's requests per second: a page within PAGE_LIMIT times the bare page's time
# serves at least 1 / PAGE_LIMIT of its requests.
THROUGHPUT_FLOOR = 1 / PAGE_LIMIT
# Files calendar apps poll: timed as a full fetch (what the first poll and every poll after a
# change cost) and as a poll with nothing changed (If-None-Match with the last ETag: a 304).
CALENDAR_FILES = {"calendar feed", "calendar subscription"}
POLLED = ", polled"
# Downloads of everything they hold: they grow with the data, as a file of it must.
NOT_HELD_TO_THE_LIMIT = {"data export", *CALENDAR_FILES}
GROWTH_SIZES = (3, 30, 500)


def signed_in_pages(p: seed.Persona) -> list[tuple[str, str]]:
    """Every page a signed-in person can open, for persona ``p``."""
    offer, decision, contact = p.offer_ids[0], p.decision_id, p.contact_id
    return [
        ("dashboard", reverse("home")),
        ("offers list", reverse("offers:list")),
        ("offer page", reverse("offers:detail", args=[offer])),
        ("add an offer", _form(reverse("offers:new"))),
        ("edit an offer", reverse("offers:edit", args=[offer])),
        ("delete an offer", reverse("offers:delete", args=[offer])),
        ("edit a contact", reverse("offers:edit_contact", args=[offer, contact])),
        ("remove a contact", reverse("offers:delete_contact", args=[offer, contact])),
        ("add a contact", _form(reverse("offers:add_contact", args=[offer]))),
        ("timeline", reverse("offers:timeline")),
        ("calendar feed", reverse("offers:calendar")),
        ("calendar feed" + POLLED, reverse("offers:calendar")),
        ("compare offers", reverse("offers:compare")),
        ("compare a decision's", _decision_comparison(decision)),
        ("exchange rates", reverse("offers:rates")),
        ("set a rate", _form(reverse("offers:set_rate"))),
        ("ask for more time", _form(reverse("offers:ask_more_time", args=[p.offer_ids[1]]))),
        ("ask for a heads-up", _form(reverse("offers:ask_heads_up", args=[offer]))),
        ("a conversation", reverse("offers:ask", args=[p.ask_id])),
        ("decisions list", reverse("decisions:list")),
        ("new decision", _form(reverse("decisions:new"))),
        ("step 1: offers", reverse("decisions:offers", args=[decision])),
        ("step 2: situation", reverse("decisions:situation", args=[decision])),
        ("step 3: priorities", _form(reverse("decisions:priorities", args=[decision]))),
        ("step 4: ratings", reverse("decisions:ratings", args=[decision])),
        ("step 5: pros and cons", _form(reverse("decisions:pros_cons", args=[decision]))),
        ("step 6: result", reverse("decisions:result", args=[decision])),
        ("delete a decision", reverse("decisions:delete", args=[decision])),
        ("call plan", reverse("decisions:call", args=[decision])),
        ("printable script", reverse("decisions:call_print", args=[decision])),
        ("add a referral", _form(reverse("decisions:add_referral", args=[decision]))),
        ("add a follow-up", _form(reverse("decisions:add_follow_up", args=[decision]))),
        ("call event (.ics)", reverse("decisions:call_ics", args=[decision])),
        ("account", reverse("account")),
        ("calendar subscription", reverse("reminders:feed", args=[p.calendar_token])),
        ("calendar subscription" + POLLED, reverse("reminders:feed", args=[p.calendar_token])),
        ("unsubscribe link", reverse("reminders:unsubscribe", args=[p.unsubscribe_token])),
        ("import data", reverse("import_data")),
        ("change password", reverse("password_change")),
        ("delete account", reverse("delete_account")),
        ("data export", reverse("export_data")),
    ]


# The token of a create page's form (``crossroads/once.py``): the page a browser is sent to,
# rather than the redirect that gives it one.
FORM_TOKEN = "00000000-0000-4000-8000-000000000000"


def _form(path: str) -> str:
    return f"{path}?once={FORM_TOKEN}"


def _decision_comparison(pk: int) -> str:
    """The compare page as a decision's result links to it: its offers, over its years."""
    decision = Decision.objects.get(pk=pk)
    return compare_url(list(decision.offers.all()), decision.horizon_years)


VISITOR_PAGES = [
    ("landing", "home"),
    ("log in", "login"),
    ("sign up", "signup"),
    ("reset password", "password_reset"),
]
GROWTH_PAGES = [
    ("dashboard", "home"),
    ("offers list", "offers:list"),
    ("timeline", "offers:timeline"),
]


# The CSRF cookie a browser holds after its first page with a form, the same on every request.
BROWSER_CSRF_SECRET = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)


def _cookies(persona: seed.Persona | None = None) -> dict[str, str]:
    """The cookies a browser sends once it has been here: the CSRF cookie, and the session."""
    cookies = {settings.CSRF_COOKIE_NAME: BROWSER_CSRF_SECRET}
    if persona:
        cookies[settings.SESSION_COOKIE_NAME] = persona.session_key
    return cookies


def _prepare() -> dict[str, seed.Persona]:
    print("Preparing: static files, the benchmark database, its data...", file=sys.stderr)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    return seed.seed()


def _probes(personas) -> dict:
    baseline = personas["small"]
    probes = {
        "baseline": measure.Probe(
            "bare page", "small", reverse("bench_baseline"), _cookies(baseline)
        ),
        "visitor": [
            measure.Probe(name, "", reverse(url), _cookies()) for name, url in VISITOR_PAGES
        ],
        "small": [],
        "large": [],
        "growth": {},
    }
    for label in ("small", "large"):
        persona = personas[label]
        probes[label] = [
            measure.Probe(name, label, path, _cookies(persona))
            for name, path in signed_in_pages(persona)
        ]
    for size in GROWTH_SIZES:
        persona = personas[f"offers_{size}"]
        probes["growth"][size] = [
            measure.Probe(name, persona.label, reverse(url), _cookies(persona))
            for name, url in GROWTH_PAGES
        ]
    return probes


def _all(probes) -> list[measure.Probe]:
    growth = [probe for size in GROWTH_SIZES for probe in probes["growth"][size]]
    return [probes["baseline"], *probes["visitor"], *probes["small"], *probes["large"], *growth]


# The report --------------------------------------------------------------------------------------


def _kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def _header(personas) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    now = datetime.datetime.now(datetime.UTC)
    return [
        f"Crossroads benchmark, {now:%Y-%m-%d %H:%M} UTC",
        f"Python {platform.python_version()}, Django {django.get_version()}, PostgreSQL "
        f"{postgres}, {os.cpu_count()} CPUs, {platform.machine()}",
        f"In process through the WSGI handler and every middleware, DEBUG off; {ROUNDS} rounds, "
        "every page once a round in a new random order, right after the bare page; medians.",
        f"CONN_MAX_AGE {connection.settings_dict.get('CONN_MAX_AGE', 0)}, "
        f"health checks {connection.settings_dict.get('CONN_HEALTH_CHECKS', False)}.",
        "",
    ]


def _page_table(probes) -> list[str]:
    base = probes["baseline"]
    lines = [
        f"Bare page (signed in, one indexed query, a tiny template): {base.queries} queries, "
        f"{base.median_ms:.1f} ms median.",
        "",
        "Every page: small = 3 offers, 1 decision; large = 30 offers with contacts, 10 decisions",
        "of 5 offers x 10 factors x 40 pros and cons, call plans with 10 referrals and follow-ups.",
        "Every page is rendered afresh on each request (no cache).",
        "",
        f"{'page':<32}{'queries':>16}{'x bare page':>15}{'ms':>8}{'KB':>6}{'KB':>6}",
        f"{'':<32}{'small':>7}{'large':>9}{'small':>7}{'large':>8}{'large':>8}"
        f"{'sent':>6}{'html':>6}",
    ]
    for small, large in zip(probes["small"], probes["large"], strict=True):
        flag = "" if small.queries == large.queries else " *"
        mark = " \N{DAGGER}" if small.page.removesuffix(POLLED) in CALENDAR_FILES else ""
        lines.append(
            f"{small.page + mark:<32}{small.queries:>7}{large.queries:>9}"
            f"{small.x:>7.1f}{large.x:>8.1f}{large.median_ms:>8.1f}"
            f"{_kb(large.size):>6}{_kb(large.html_size):>6}{flag}"
        )
    lines += [
        "* query count differs between small and large",
        "\N{DAGGER} a file calendar apps poll. A full fetch is what the first poll and every poll "
        "after a",
        "  change cost; it grows with the dates it holds, so like the data export it is not held "
        "to the",
        "  limit. Polled: the app sends the ETag it holds and nothing changed (a 304, no file "
        "built).",
        "",
        "Signed out:",
    ]
    for probe in probes["visitor"]:
        lines.append(
            f"{probe.page:<32}{probe.queries:>7}{'':>9}{probe.x:>7.1f}{'':>8}"
            f"{probe.median_ms:>8.1f}{_kb(probe.size):>6}{_kb(probe.html_size):>6}"
        )
    return lines


def _growth_table(probes) -> list[str]:
    sizes = "/".join(str(size) for size in GROWTH_SIZES)
    lines = [
        "",
        f"Growth with the number of offers ({sizes} offers, nothing else):",
        "",
        f"{'page':<16}{'queries':>14}{'ms 3':>9}{'ms 30':>9}{'ms 500':>9}"
        f"{'500 vs 3':>10}{'KB html @500':>14}",
    ]
    for index, (name, _) in enumerate(GROWTH_PAGES):
        row = [probes["growth"][size][index] for size in GROWTH_SIZES]
        counts = "/".join(str(probe.queries) for probe in row)
        lines.append(
            f"{name:<16}{counts:>14}"
            + "".join(f"{probe.median_ms:>9.1f}" for probe in row)
            + f"{row[-1].x / row[0].x:>9.1f}x{_kb(row[-1].html_size):>14}"
        )
    return lines


def _load_table(loads) -> list[str]:
    base = loads[0]
    lines = [
        "",
        f"Throughput under gunicorn ({load.WORKERS} sync workers; wrk, {load.THREADS} threads, "
        f"{load.CONNECTIONS} connections; {LOAD_ROUNDS} x {LOAD_SECONDS} s a page, interleaved; "
        "median):",
        "",
        f"{'page':<32}{'requests/s':>12}{'x bare page':>13}{'failed':>8}",
    ]
    for item in loads:
        lines.append(
            f"{item.page + ' (' + item.persona + ')':<32}{item.rate:>12.1f}"
            f"{item.rate / base.rate:>13.2f}{item.failures:>8}"
        )
    return lines


def _verdicts(probes, loads) -> list[str]:
    held = [
        probe
        for probe in [*probes["visitor"], *probes["small"], *probes["large"]]
        if probe.page not in NOT_HELD_TO_THE_LIMIT
    ]
    slowest = max(held, key=lambda probe: probe.x)
    growths = []
    for index, (name, _) in enumerate(GROWTH_PAGES):
        first, last = probes["growth"][GROWTH_SIZES[0]][index], probes["growth"][500][index]
        growths.append((last.x / first.x, name))
    worst_growth = max(growths)
    uneven = [
        f"{small.page} ({small.queries} vs {large.queries})"
        for small, large in zip(probes["small"], probes["large"], strict=True)
        if small.queries != large.queries
    ]
    for index, (name, _) in enumerate(GROWTH_PAGES):
        counts = {probes["growth"][size][index].queries for size in GROWTH_SIZES}
        if len(counts) > 1:
            uneven.append(f"{name} with {'/'.join(str(s) for s in GROWTH_SIZES)} offers")
    weakest = min(loads[1:], key=lambda item: item.rate) if loads else None
    ratio = weakest.rate / loads[0].rate if loads else 0

    def verdict(ok: bool) -> str:
        return "[met]    " if ok else "[MISSED] "

    return [
        "",
        "Targets:",
        verdict(slowest.x <= PAGE_LIMIT)
        + f"every page but the downloads (export, full calendar files) within {PAGE_LIMIT}x the "
        "bare page, rendered afresh: "
        f"slowest is {slowest.page} ({slowest.persona or 'signed out'}) at {slowest.x:.1f}x",
        verdict(worst_growth[0] <= GROWTH_LIMIT)
        + f"dashboard, offers list, timeline within {GROWTH_LIMIT}x from 3 to 500 offers: "
        f"most is {worst_growth[1]} at {worst_growth[0]:.1f}x",
        verdict(not uneven)
        + "the same number of queries for small and large data"
        + (f": differs for {', '.join(uneven)}" if uneven else ""),
        verdict(ratio >= THROUGHPUT_FLOOR)
        + f"under gunicorn, the heaviest page at least {THROUGHPUT_FLOOR:.1f}x the bare page's "
        + (f"requests per second: {weakest.page} at {ratio:.2f}x" if loads else "(not run)"),
    ]


def main() -> None:
    personas = _prepare()
    probes = _probes(personas)
    fetcher = measure.Fetcher()
    print("Checking every page once (status, size, queries)...", file=sys.stderr)
    everything = _all(probes)
    _poll_with_the_last_etag(fetcher, everything)
    for probe in everything:
        fetcher.check(probe)
    print(f"Timing {len(everything)} pages, {ROUNDS} rounds...", file=sys.stderr)
    measure.run_rounds(fetcher, everything[0], everything[1:], ROUNDS)

    base = probes["baseline"]
    heaviest = sorted(
        (
            p
            for p in probes["large"]
            if p.page not in NOT_HELD_TO_THE_LIMIT and not p.page.endswith(POLLED)
        ),
        key=lambda probe: -probe.median_ms,
    )[:HEAVIEST_UNDER_LOAD]
    loads = [
        load.Load(probe.page, probe.persona, probe.path, _cookie_header(probe))
        for probe in [base, *heaviest]
    ]
    report = _header(personas) + _page_table(probes) + _growth_table(probes)
    connection.close()
    if LOAD_ROUNDS:  # BENCH_LOAD_ROUNDS=0 leaves gunicorn out, for a quicker look
        print("Throughput under gunicorn...", file=sys.stderr)
        load.throughput(
            loads, LOAD_ROUNDS, LOAD_SECONDS, Path(settings.VAR_DIR) / "bench-gunicorn.log"
        )
        report += _load_table(loads)
    report += _verdicts(probes, loads if LOAD_ROUNDS else [])
    print("\n".join(report))


def _poll_with_the_last_etag(fetcher: measure.Fetcher, probes: list[measure.Probe]) -> None:
    """A polled calendar file asks with the ETag of the file fetched just before, as an app
    that holds it does: nothing changed since, so the answer is a 304."""
    for probe in probes:
        if probe.page.endswith(POLLED):
            _status, headers, _body = fetcher.fetch(probe)
            etag = dict((name.lower(), value) for name, value in headers)["etag"]
            probe.headers, probe.expected_status = {"HTTP_IF_NONE_MATCH": etag}, 304


def _cookie_header(probe: measure.Probe) -> str:
    return "; ".join(f"{name}={value}" for name, value in probe.cookies.items())


if __name__ == "__main__":
    main()
