"""Two app servers in front of one PostgreSQL server, as docs/deploy.md sets them up: Debian's
PostgreSQL, `manage.py migrate` once, then two gunicorns with the production settings behind one
TLS proxy (`TRUSTED_PROXY_COUNT=1`). Writes go through both at once; nothing may be lost or made
twice, the limits on sign-ups, password resets and wrong passwords count across both, the
reminder job run on both at once sends each reminder once, and a server stopped under load loses
nothing either served.

Needs Debian's `postgresql` package; without it the tests are skipped with a message, unless
CROSSROADS_REQUIRE_POSTGRES_SERVER is set (CI), where they fail instead."""

import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from itertools import cycle

import pytest
from aiosmtpd.controller import Controller

from scripts.offer_fields import new_offer
from tests.crossroads.postgres_server import INSTALL, server_binaries, throwaway_server
from tests.crossroads.processes import ROOT, free_port
from tests.crossroads.two_servers import (
    Inbox,
    Instance,
    Visitor,
    each_at_once,
    manage,
    production_environment,
    request,
    shell,
)

pytestmark = pytest.mark.two_servers

PASSWORD = "a long pass phrase for the tests"
SIGNED_IN = """
import json
from scripts.signed_in import signed_in
print(json.dumps(signed_in({names!r}, {password!r})))
"""
OFFERS = """
import json
from offers.models import Offer
print(json.dumps(list(Offer.objects.filter(owner__username__in={names!r})
                      .values_list("pk", "company", "notes"))))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The PostgreSQL server, a mail server, and two app servers "a" and "b" sharing both."""
    if server_binaries() is None:
        message = f"No PostgreSQL server here for the two-server tests: {INSTALL}"
        if os.environ.get("CROSSROADS_REQUIRE_POSTGRES_SERVER"):
            pytest.fail(message)
        pytest.skip(message)
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    logs = tmp_path_factory.mktemp("two-servers")
    with throwaway_server() as database_url:
        env = production_environment(database_url, smtp.port)
        # What a deploy does once, before the servers start (docs/deploy.md).
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        servers = {name: Instance(env, logs, name) for name in ("a", "b")}
        try:
            yield Site(env, servers, inbox, logs)
        finally:
            for server in servers.values():
                server.stop()
            smtp.stop()
        for server in servers.values():
            assert server.server_errors() == [], server.log.read_text()[-3000:]


class Site:
    def __init__(self, env, servers, inbox, logs):
        self.env, self.servers, self.inbox, self.logs = env, servers, inbox, logs
        self.a, self.b = servers["a"], servers["b"]

    def signed_in(self, *names: str) -> list[Visitor]:
        keys = shell(self.env, SIGNED_IN.format(names=list(names), password=PASSWORD))
        return [Visitor(f"192.0.2.{n + 10}", key) for n, key in enumerate(keys)]

    def either(self, n: int) -> Instance:
        """ "a" for odd ``n``, "b" for even."""
        return self.a if n % 2 else self.b

    def alternately(self, start: int):
        """The two servers in turn, starting with ``either(start)``."""
        return cycle([self.either(start), self.either(start + 1)])

    def offers(self, *names: str) -> list[tuple[int, str, str]]:
        return [tuple(row) for row in shell(self.env, OFFERS.format(names=list(names)))]


def _new_offer(company: str) -> dict:
    """A fresh add form, with its one-time token (``crossroads/once.py``), filled in."""
    return {"once": str(uuid.uuid4()), **new_offer(company)}


def _added(answer) -> int | None:
    """The new offer's id when the answer is "added": sent on to the offer's page."""
    match = re.fullmatch(r"/offers/(\d+)/", answer.location)
    return int(match.group(1)) if answer.status == 302 and match else None


def test_offers_added_and_changed_through_both_at_once_are_each_stored_once(site):
    names = [f"writer{n}" for n in range(6)]
    visitors = dict(zip(names, site.signed_in(*names), strict=True))

    def add(name):
        """Twelve offers, one after another, each through the other server than the last."""
        servers = site.alternately(names.index(name))
        answers = []
        for company in (f"{name}-{k}" for k in range(12)):
            form = _new_offer(company)
            answers.append(
                (company, request(next(servers), "POST", "/offers/new/", visitors[name], form))
            )
        return answers

    answers = [pair for pairs in each_at_once(add, names) for pair in pairs]
    added = {company: _added(answer) for company, answer in answers}
    assert None not in added.values(), [answer for _, answer in answers if not _added(answer)][:3]
    stored = site.offers(*names)
    assert sorted((pk, company) for pk, company, _ in stored) == sorted(
        (pk, company) for company, pk in added.items()
    )

    def change(name):
        """Each of one's offers changed, each through the other server than the last."""
        servers = site.alternately(names.index(name) + 1)  # not the server that added it
        mine = [pk for company, pk in added.items() if company.startswith(f"{name}-")]
        changes = []
        for pk, server in zip(mine, servers, strict=False):
            notes = {"notes": f"changed through {server.port}"}
            answer = request(server, "POST", f"/offers/{pk}/edit/notes/", visitors[name], notes)
            changes.append((pk, server.port, answer.status))
        return changes

    changes = [change for changes in each_at_once(change, names) for change in changes]
    assert {status for _, _, status in changes} == {302}
    assert {port for _, port, _ in changes} == {site.a.port, site.b.port}
    notes = {pk: note for pk, _, note in site.offers(*names)}
    assert notes == {pk: f"changed through {port}" for pk, port, _ in changes}


def test_one_add_form_sent_to_both_servers_at_once_adds_one_offer(site):
    (visitor,) = site.signed_in("doubleclick")
    for n in range(8):
        form = _new_offer(f"Twice {n}")
        answers = each_at_once(
            lambda server, form=form: request(server, "POST", "/offers/new/", visitor, form),
            [site.a, site.b],
        )
        # Both land on the one offer: one added it, the other found it added.
        assert [answer.status for answer in answers] == [302, 302]
        assert answers[0].location == answers[1].location
    companies = Counter(company for _, company, _ in site.offers("doubleclick"))
    assert companies == {f"Twice {n}": 1 for n in range(8)}


def _sign_up(n: int) -> dict:
    return {
        "username": f"newcomer{n}",
        "email": f"newcomer{n}@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "time_zone": "Europe/Lisbon",
        "number_format": "en_GB",
    }


def test_the_sign_up_limit_counts_sign_ups_through_both_servers(site):
    crowd = Visitor("203.0.113.10")
    allowed = 10  # settings.RATE_LIMITS["signup_address"]
    answers = each_at_once(
        lambda n: request(site.either(n), "POST", "/accounts/signup/", crowd, _sign_up(n)),
        range(allowed + 4),
    )
    statuses = Counter(answer.status for answer in answers)
    assert statuses[429] == 4
    assert set(statuses) <= {200, 302, 429}
    # Someone else, from another address, is not held back by that crowd.
    other = request(site.b, "POST", "/accounts/signup/", Visitor("203.0.113.11"), _sign_up(99))
    assert other.status in (200, 302)


def test_the_password_reset_limits_count_requests_through_both_servers(site):
    crowd, allowed = Visitor("203.0.113.20"), 10  # RATE_LIMITS["password_reset_address"]
    answers = each_at_once(
        lambda n: request(
            site.either(n),
            "POST",
            "/accounts/password_reset/",
            crowd,
            {"email": f"reset{n}@example.com"},
        ),
        range(allowed + 3),
    )
    assert Counter(answer.status for answer in answers) == {302: allowed, 429: 3}
    assert len(site.inbox.to(r"reset\d+@example\.com")) == allowed  # one e-mail each, no more

    # One e-mail address from one network address: three an hour.
    sender = Visitor("203.0.113.21")
    answers = each_at_once(
        lambda n: request(
            site.either(n),
            "POST",
            "/accounts/password_reset/",
            sender,
            {"email": "owner@example.com"},
        ),
        range(6),
    )
    assert Counter(answer.status for answer in answers) == {302: 3, 429: 3}
    assert len(site.inbox.to(r"owner@example\.com")) == 3


def _log_in(server, visitor, username, password):
    return request(
        server, "POST", "/accounts/login/", visitor, {"username": username, "password": password}
    )


def test_wrong_passwords_through_both_servers_pause_logging_in_on_both(site):
    site.signed_in("guarded", "unlucky", "besieged")
    limit = 5  # AXES_FAILURE_LIMIT
    # One wrong password fewer than the limit, split across the servers: still let in.
    unlucky = Visitor("198.51.100.8")
    for server in [site.a, site.b] * 2:
        assert _log_in(server, unlucky, "unlucky", "wrong").status == 200
    assert _log_in(site.a, unlucky, "unlucky", PASSWORD).status == 302

    # The limit reached, split across the servers: the last wrong one is answered with the pause,
    # and the right password is refused on both.
    guarded = Visitor("198.51.100.7")
    answers = [_log_in(server, guarded, "guarded", "wrong") for server in [site.a, site.b] * 3]
    assert [answer.status for answer in answers] == [200] * (limit - 1) + [429] * 2
    for server in (site.b, site.a):
        assert _log_in(server, guarded, "guarded", PASSWORD).status == 429

    # Wrong passwords sent to both at once are all counted too.
    besieged = Visitor("198.51.100.9")
    each_at_once(lambda n: _log_in(site.either(n), besieged, "besieged", "wrong"), range(8))
    for server in (site.a, site.b):
        assert _log_in(server, besieged, "besieged", PASSWORD).status == 429


REMINDERS_DUE = """
import datetime, json
from django.utils import timezone
from crossroads.models import User
from offers.models import Offer
from reminders.models import ReminderSettings
users = User.objects.bulk_create(
    User(username=f"remind{{n}}", email=f"remind{{n}}@example.com", password="!", time_zone="UTC")
    for n in range({count})
)
ReminderSettings.objects.bulk_create(ReminderSettings(user=user) for user in users)
# Expected two days ago and still not here: an "offer late" reminder is due all day today.
late = timezone.now().date() - datetime.timedelta(days=2)
Offer.objects.bulk_create(
    Offer(owner=user, company=f"Late {{n}}", role="Engineer", status=Offer.Status.EXPECTED,
          expected_on=late)
    for n, user in enumerate(users)
)
print(json.dumps(len(users)))
"""
SENT = """
import json
from reminders.models import SentReminder
print(json.dumps(SentReminder.objects.filter(status=SentReminder.Status.SENT).count()))
"""


def test_the_reminder_job_run_on_both_servers_at_once_sends_each_reminder_once(site):
    count = 800  # more than one batch of 500, so the two runs can take turns
    assert shell(site.env, REMINDERS_DUE.format(count=count)) == count
    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "send_reminders"],
            cwd=ROOT,
            env=site.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _server in (site.a, site.b)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    sent = [int(re.search(r"(\d+) sent", out).group(1)) for out, _ in outputs]
    assert sum(sent) == count, outputs
    recipients = site.inbox.to(r"remind\d+@example\.com")
    assert len(recipients) == count
    assert len(set(recipients)) == count
    assert shell(site.env, SENT) == count
    # A run after them finds nothing left to send.
    assert re.search(r"\b0 sent", manage(site.env, "send_reminders"))


def test_a_server_stopped_under_load_loses_nothing_either_served(site):
    """Writers add offers through the proxy to "b" and a third server "c"; "c" is stopped
    (SIGTERM, as `systemctl stop` does) while they write. A request "c" could not take any more
    is sent to "b" again, as a proxy retries, with the same form (so no offer is added twice)."""
    names = [f"steady{n}" for n in range(4)]
    visitors = site.signed_in(*names)
    stopping = Instance(site.env, site.logs, "c")
    until = time.monotonic() + 8
    served = Counter()
    lock = threading.Lock()

    def write(n, visitor):
        added, k = {}, 0
        servers = cycle([stopping, site.b])
        while time.monotonic() < until:
            company, k = f"{names[n]}-{k}", k + 1
            form, server = _new_offer(company), next(servers)
            answer = request(server, "POST", "/offers/new/", visitor, form)
            if answer.status == 0 and server is stopping:  # refused: the same form to the other
                with lock:
                    served["refused by c"] += 1
                server = site.b
                answer = request(server, "POST", "/offers/new/", visitor, form)
            with lock:
                served[server.port, answer.status] += 1
            added[company] = _added(answer)
        return added

    stopper = threading.Timer(3, stopping.stop)
    stopper.start()
    results = each_at_once(lambda n: write(n, visitors[n]), range(len(visitors)))
    stopper.join()
    added = {company: pk for result in results for company, pk in result.items()}
    assert None not in added.values(), served
    stored = site.offers(*names)
    assert sorted((pk, company) for pk, company, _ in stored) == sorted(
        (pk, company) for company, pk in added.items()
    )
    # Both served writes, and "c" went away while they came: stopped cleanly, with no error.
    assert served[stopping.port, 302] > 0 and served[site.b.port, 302] > 0, served
    assert served["refused by c"] > 0, served
    assert stopping.process.returncode == 0
    assert stopping.server_errors() == []
