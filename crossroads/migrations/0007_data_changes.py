"""A row per user and transaction that changed their data, written by PostgreSQL triggers.

Each table that holds a user's data gets one row trigger. It finds the owner of the row, old and
new, and records that this transaction changed that owner's data, counting the rows it writes. Each
transaction adds and counts on rows of its own, so two never wait for each other over them. The owner expressions are
written out here, as they stood when this migration was made: a table added later needs a
migration of its own (tests/crossroads/test_kept.py fails until it has one).
"""

from django.db import migrations, models

# The owner of a row, given the row as {row} (NEW or OLD).
_VIA_OFFER = "(SELECT owner_id FROM offers_offer WHERE id = {row}.offer_id)"
_VIA_DECISION = "(SELECT owner_id FROM decisions_decision WHERE id = {row}.decision_id)"
_VIA_CALL_PLAN = (
    "(SELECT d.owner_id FROM decisions_callplan p JOIN decisions_decision d ON d.id = p.decision_id"
    " WHERE p.id = {row}.call_plan_id)"
)
OWNERS = {
    "crossroads_user": "{row}.id",
    "crossroads_pendingimport": "{row}.owner_id",
    "offers_offer": "{row}.owner_id",
    "offers_contact": _VIA_OFFER,
    "offers_timeask": _VIA_OFFER,
    "offers_exchangerate": "{row}.owner_id",
    "decisions_decision": "{row}.owner_id",
    "decisions_decision_offers": _VIA_DECISION,
    "decisions_factor": _VIA_DECISION,
    "decisions_rating": _VIA_OFFER,
    "decisions_consideration": _VIA_DECISION,
    "decisions_callplan": _VIA_DECISION,
    "decisions_referral": _VIA_CALL_PLAN,
    "decisions_preparedanswer": _VIA_CALL_PLAN,
    "decisions_followup": _VIA_CALL_PLAN,
    "decisions_skippedcheck": _VIA_CALL_PLAN,
    "reminders_calendarfeed": "{row}.user_id",
    "reminders_remindersettings": "{row}.user_id",
    "reminders_sentreminder": "{row}.user_id",
}

# Columns on no page, left out: what the calendar subscription last sent, and when that changed
# (written as a calendar app fetches it, so it would otherwise make the next fetch a new file).
UPDATES_OF = {
    "reminders_calendarfeed": " OF user_id, token_hash, created",
}

TOUCH = """
CREATE FUNCTION crossroads_touch(owner bigint) RETURNS void LANGUAGE sql AS $$
    INSERT INTO crossroads_datachange (user_id, transaction, writes)
    SELECT owner, pg_current_xact_id()::text::bigint, 1 WHERE owner IS NOT NULL
    ON CONFLICT (user_id, transaction)
    DO UPDATE SET writes = crossroads_datachange.writes + 1
$$;
"""

# A deleted account's changes go with it: the account row is deleted after the rest.
ON_ACCOUNT = """
    IF TG_OP = 'DELETE' THEN
        DELETE FROM crossroads_datachange WHERE user_id = OLD.id;
        RETURN NULL;
    END IF;
"""


def _trigger(table: str, owner: str) -> str:
    first = ON_ACCOUNT if table == "crossroads_user" else ""
    update = "UPDATE" + UPDATES_OF.get(table, "")
    return f"""
CREATE FUNCTION crossroads_touch_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{first}
    IF TG_OP <> 'INSERT' THEN PERFORM crossroads_touch({owner.format(row="OLD")}); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM crossroads_touch({owner.format(row="NEW")}); END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER crossroads_touch AFTER INSERT OR DELETE OR {update} ON {table}
    FOR EACH ROW EXECUTE FUNCTION crossroads_touch_{table}();
"""


def _drop(table: str) -> str:
    return f"DROP TRIGGER crossroads_touch ON {table}; DROP FUNCTION crossroads_touch_{table}();"


class Migration(migrations.Migration):
    dependencies = [
        ("crossroads", "0006_cache_table"),
        ("offers", "0007_repayment_clause_as_data"),
        ("decisions", "0003_skipped_readiness_checks"),
        ("reminders", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("user_id", models.BigIntegerField()),
                ("transaction", models.BigIntegerField()),
                ("writes", models.BigIntegerField(default=1)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user_id", "transaction"), name="one_data_change_per_transaction"
                    )
                ],
            },
        ),
        migrations.RunSQL(TOUCH, "DROP FUNCTION crossroads_touch(bigint);"),
        *(
            migrations.RunSQL(_trigger(table, owner), _drop(table))
            for table, owner in OWNERS.items()
        ),
    ]
