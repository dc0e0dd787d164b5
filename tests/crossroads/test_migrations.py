"""A database migrated at the last landed commit, with data in it, migrates to this one."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The newest migration of each app at the last commit that landed (stop 28). When a stop lands
# new migrations, the next one moves these forward.
LANDED = [
    ("crossroads", "0010_submitted_forms"),
    ("offers", "0015_ask_to_start_later"),
    ("decisions", "0008_notice_letters"),
    ("reminders", "0002_calendar_feed_without_content_hash"),
]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


@pytest.mark.django_db(transaction=True)
def test_a_database_at_the_landed_commit_migrates_to_this_one_with_its_data():
    state = _migrate(LANDED).loader.project_state(LANDED).apps
    user = state.get_model("crossroads", "User").objects.create(username="alice")
    offer = state.get_model("offers", "Offer").objects.create(
        owner=user,
        company="Globex",
        role="Engineer",
        currency="EUR",
        base_salary=70000,
        expected_on=datetime.date(2027, 1, 4),
        respond_by=datetime.date(2027, 1, 11),
    )
    decision = state.get_model("decisions", "Decision").objects.create(
        owner=user, title="Stay or go"
    )
    decision.offers.add(offer)

    latest = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert not latest.migration_plan(latest.loader.graph.leaf_nodes())
    apps = latest.loader.project_state().apps
    moved = apps.get_model("offers", "Offer").objects.get(pk=offer.pk)
    assert (moved.company, moved.base_salary, moved.owner_id) == ("Globex", 70000, user.pk)
    assert (moved.expected_on, moved.respond_by) == (
        datetime.date(2027, 1, 4),
        datetime.date(2027, 1, 11),
    )
    assert apps.get_model("decisions", "Decision").objects.get(pk=decision.pk).offers.count() == 1
