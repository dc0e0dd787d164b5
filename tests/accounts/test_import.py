"""Importing an export: previewed, then all of it or nothing; other versions, changed files,
huge files and broken references refused with a message next to the field."""

import datetime
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.export import SECTIONS, signature, user_data
from accounts.restore import RESTORED
from crossroads.models import PendingImport
from decisions.models import CallPlan, Decision, FollowUp, PreparedAnswer, Rating, Referral
from offers.models import Offer, Promise, TimeAsk
from tests.accounts.test_export_round_trip import _normalised
from tests.factories import make_contact, make_decision, make_offer, make_user

pytestmark = pytest.mark.django_db


def _fill(user):
    committed = make_offer(user, company="First Co", status=Offer.Status.SIGNED)
    new = make_offer(user, company="Second Co", notes="Great team.\nCall back Friday.")
    contact = make_contact(committed, name="Robin Hale")
    decision = make_decision(user, [committed, new], chosen_offer=new, title="Stay or go")
    Rating.objects.bulk_create(
        Rating(factor=factor, offer=offer, score=4)
        for factor in decision.factors.all()
        for offer in (committed, new)
    )
    plan = CallPlan.objects.create(decision=decision, contact=contact, opening="Thank you.")
    Referral.objects.create(call_plan=plan, name="A former colleague")
    PreparedAnswer.objects.create(call_plan=plan, reaction="anger", answer="I understand.")
    FollowUp.objects.create(call_plan=plan, text="Return the laptop")
    Promise.objects.create(
        offer=new, what="A remote day a week", promised_on=datetime.date(2026, 11, 30)
    )
    TimeAsk.objects.create(
        offer=new, other_offer=committed, kind="start_later", asked_on=datetime.date(2026, 12, 1)
    )
    return decision


def _file(data, name="export.json"):
    return SimpleUploadedFile(name, json.dumps(data).encode(), content_type="application/json")


def _signed(data):
    """A file as the exporter would have signed it: for files whose content is the problem."""
    plain = {k: v for k, v in data.items() if k != "signature"}
    return {**plain, "signature": signature(plain)}


def _upload(client, content):
    return client.post(reverse("import_data"), {"file": content})


def test_an_export_imported_into_another_account_is_previewed_then_added(client, alice, bob):
    _fill(alice)
    export = user_data(alice)
    client.force_login(bob)

    response = _upload(client, _file(export))
    pending = PendingImport.objects.get(owner=bob)
    assert response.url == reverse("import_preview", args=[pending.pk])
    assert not Offer.objects.filter(owner=bob).exists()

    preview = client.get(response.url).content.decode()
    assert "Check what will be imported" in preview
    assert "First Co, Data Engineer" in preview and "Stay or go" in preview
    assert '<td class="text-end">2</td>' in preview

    client.post(response.url)
    assert sorted(Offer.objects.filter(owner=bob).values_list("company", flat=True)) == [
        "First Co",
        "Second Co",
    ]
    decision = Decision.objects.get(owner=bob)
    assert set(decision.offers.values_list("owner", flat=True)) == {bob.pk}
    assert decision.chosen_offer.company == "Second Co"
    assert decision.call_plan.contact.offer.owner == bob
    assert decision.call_plan.contact.name == "Robin Hale"
    assert Promise.objects.get(offer__owner=bob).offer == decision.chosen_offer
    assert Rating.objects.filter(factor__decision=decision).count() == 10
    assert not PendingImport.objects.exists()
    assert Offer.objects.filter(owner=alice).count() == 2


def test_confirming_twice_imports_once(client, alice):
    _fill(alice)
    client.force_login(alice)
    preview = _upload(client, _file(user_data(alice))).url
    client.post(preview)
    assert client.post(preview).status_code == 404
    assert Offer.objects.filter(owner=alice).count() == 4


def test_showing_the_preview_writes_nothing(client, alice):
    _fill(alice)
    client.force_login(alice)
    preview = _upload(client, _file(user_data(alice))).url
    client.get(preview)
    client.get(preview)
    assert Offer.objects.filter(owner=alice).count() == 2


def test_someone_elses_preview_is_a_404(client, alice, bob):
    _fill(alice)
    client.force_login(alice)
    preview = _upload(client, _file(user_data(alice))).url
    client.force_login(bob)
    assert client.get(preview).status_code == 404
    assert client.post(preview).status_code == 404
    assert not Offer.objects.filter(owner=bob).exists()


def test_a_file_exported_before_offers_lost_their_form_token_still_imports(client, alice, bob):
    # Such a file carries each offer's old add-form token; forms now submit once without it.
    _fill(alice)
    export = user_data(alice)
    for offer in export["offers"]:
        offer["form_token"] = None
    client.force_login(bob)
    preview = _upload(client, _file(_signed(export))).url
    client.post(preview)
    assert Offer.objects.filter(owner=bob).count() == 2


def _change(data, section, index, **fields):
    data[section][index].update(fields)
    return data


REFUSED = {
    "another version": (
        lambda d: _signed({**d, "version": 99}),
        "made by another version of Crossroads",
    ),
    "an export from before versions": (
        lambda d: _signed({k: v for k, v in d.items() if k != "version"}),
        "made by another version of Crossroads",
    ),
    "a changed file": (
        lambda d: _change(d, "offers", 0, base_salary="999999.00"),
        "changed after it was exported",
    ),
    "no signature": (
        lambda d: {k: v for k, v in d.items() if k != "signature"},
        "changed after it was exported",
    ),
    "a reference to a record not in the file": (
        lambda d: _signed(_change(d, "contacts", 0, offer=987654)),
        "refers to offer 987654, which is not in the file",
    ),
    "an offer pointing to an offer not in the file": (
        lambda d: _signed(_change(d, "offers", 0, accepted_despite_expected_offer=987654)),
        "refers to offer 987654, which is not in the file",
    ),
    "a reference to a missing decision": (
        lambda d: _signed(_change(d, "factors", 0, decision=987654)),
        "refers to decision 987654",
    ),
    "a NUL character": (
        lambda d: _signed(_change(d, "offers", 0, notes="bad\x00text")),
        "NUL character",
    ),
    "a text over the limit": (
        lambda d: _signed(_change(d, "offers", 0, notes="x" * 5001)),
        "over 5,000 characters",
    ),
    "an unknown choice": (
        lambda d: _signed(_change(d, "offers", 0, status="imaginary")),
        "is not a valid choice",
    ),
    "an unknown kind of ask": (
        lambda d: _signed(_change(d, "time_asks", 0, kind="start_sooner")),
        "is not a valid choice",
    ),
    "an offer date in year 1": (
        lambda d: _signed(_change(d, "offers", 0, expected_on="0001-01-01")),
        "Check the year: it should be between 1900 and 2200",
    ),
    "a call time in year 9999": (
        lambda d: _signed(_change(d, "call_plans", 0, scheduled_at="9999-12-31T23:59:00Z")),
        "Check the year: it should be between 1900 and 2200",
    ),
    "a rating out of range": (
        lambda d: _signed(_change(d, "ratings", 0, score=9)),
        "cannot be saved: a rating with a value it does not allow",
    ),
    "a missing field": (
        lambda d: _signed(
            {**d, "offers": [{k: v for k, v in d["offers"][0].items() if k != "role"}]}
        ),
        "does not have the fields",
    ),
    "a promise over the text limit": (
        lambda d: _signed(_change(d, "promises", 0, what="x" * 5001)),
        "over 5,000 characters",
    ),
    "a promise with a NUL character": (
        lambda d: _signed(_change(d, "promises", 0, what="remote\x00day")),
        "NUL character",
    ),
    "a promise made in year 2201": (
        lambda d: _signed(_change(d, "promises", 0, promised_on="2201-01-01")),
        "Check the year: it should be between 1900 and 2200",
    ),
    "a promise about an offer not in the file": (
        lambda d: _signed(_change(d, "promises", 0, offer=987654)),
        "refers to offer 987654, which is not in the file",
    ),
    "two records with one id": (
        lambda d: _signed({**d, "referrals": d["referrals"] * 2}),
        "have the same id",
    ),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_written(client, alice, bob, case):
    _fill(alice)
    spoil, message = REFUSED[case]
    client.force_login(bob)
    response = _upload(client, _file(spoil(user_data(alice))))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html.replace("&#x27;", "'")
    assert "Nothing was imported" in html
    assert "rating_1_to_5" not in html  # the database's own names never reach the person
    assert 'href="#id_file"' in html  # the error summary leads to the field
    assert not PendingImport.objects.exists()
    assert not Offer.objects.filter(owner=bob).exists()
    assert not Decision.objects.filter(owner=bob).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not json", "not a JSON file"),
        (b"\xff\xfe\x00", "not a JSON file"),
        (b'["a list"]', "not a Crossroads export"),
        (b'{"format": "something-else"}', "not a Crossroads export"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(client, alice, content, message):
    client.force_login(alice)
    response = _upload(client, SimpleUploadedFile("x.json", content))
    assert message in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_file_of_10_mb_is_refused_unread(client, alice):
    client.force_login(alice)
    big = SimpleUploadedFile("big.json", b" " * (10 * 1024 * 1024))
    response = _upload(client, big)
    assert "the limit is 10 MB" in response.content.decode()
    assert not PendingImport.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[" + b"{}," * 600_000 + b"{}]", "far more than any export"),
        (b"[1" + b",1" * 600_000 + b"]", "far more than any export"),
        (b"[" * 5000 + b"]" * 5000, "nested far too deep"),
    ],
    ids=["empty objects", "one long list", "deep nesting"],
)
def test_a_hostile_file_is_refused_in_words_before_it_costs_memory(client, alice, content, message):
    client.force_login(alice)
    response = _upload(client, SimpleUploadedFile("export.json", content))
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_same_file_imported_twice_is_refused_the_second_time(client, alice, bob):
    _fill(alice)
    exported = user_data(alice)
    client.force_login(bob)
    preview = _upload(client, _file(exported))
    client.post(preview.url)
    offers = Offer.objects.filter(owner=bob).count()
    assert offers > 0
    again = _upload(client, _file(exported))
    assert "You have imported this file into this account before" in again.content.decode()
    assert Offer.objects.filter(owner=bob).count() == offers


def test_no_file_chosen_says_so(client, alice):
    client.force_login(alice)
    response = client.post(reverse("import_data"), {"file": ""})
    assert "Choose the export file to import." in response.content.decode()


def test_the_import_page_asks_for_the_file(client, alice):
    client.force_login(alice)
    html = client.get(reverse("import_data")).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html


@pytest.mark.parametrize("name", ["import_data"])
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.url.startswith(reverse("login"))


def test_the_preview_takes_the_same_queries_for_little_and_much_data(
    client, alice, django_assert_num_queries
):
    client.force_login(alice)
    _fill(alice)
    small = _upload(client, _file(user_data(alice))).url
    for _ in range(5):
        _fill(alice)
    large = _upload(client, _file(user_data(alice))).url
    with django_assert_num_queries(3) as small_queries:
        client.get(small)
    with django_assert_num_queries(len(small_queries)):
        client.get(large)


# Adding a model must be a small, obvious change: these fail until it is listed in SECTIONS.


def test_every_model_of_offers_decisions_and_reminders_is_exported():
    apps_of_the_user = ("offers", "decisions", "reminders")
    models = {m for app in apps_of_the_user for m in apps.get_app_config(app).get_models()}
    assert models == {section.model for section in SECTIONS}


def test_every_exported_record_points_only_to_exported_records_or_the_user():
    exported = {section.model for section in SECTIONS} | {get_user_model()}
    for section in SECTIONS:
        for field in section.model._meta.get_fields():
            if field.is_relation and (field.many_to_one or field.one_to_one or field.many_to_many):
                if field.concrete or field.many_to_many and not field.auto_created:
                    assert field.related_model in exported, f"{section.name}.{field.name}"


def test_sections_come_after_the_sections_they_point_to():
    """(A record may point to another of its own kind: those references are set after.)"""
    seen = {get_user_model()}
    for section in SECTIONS:
        for field in [*section.model._meta.concrete_fields, *section.model._meta.many_to_many]:
            if field.is_relation and field.related_model is not section.model:
                assert field.related_model in seen, f"{section.name}.{field.name} comes too early"
        seen.add(section.model)


def test_the_export_names_its_format_and_version(alice):
    data = user_data(alice)
    assert data["format"] == "crossroads-export"
    assert data["version"] == 1
    assert len(data["signature"]) == 64


@pytest.mark.parametrize(
    "content",
    [
        b"[" + b"{}," * 160_000 + b"{}]" + b" " * (9 * 1024 * 1024),
        b'["' + b"x" * (9 * 1024 * 1024) + b'"]',
        b"[" + b"1," * 240_000 + b"1]" + b" " * (9 * 1024 * 1024),
    ],
    ids=["objects up to the limit", "one long text", "a long list"],
)
def test_reading_a_hostile_file_just_under_the_limits_stays_within_a_small_multiple_of_its_size(
    content,
):
    import tracemalloc

    from accounts import restore

    tracemalloc.start()
    try:
        with pytest.raises(restore.Refused):
            restore.read_export(SimpleUploadedFile("export.json", content))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * len(content)


def _import(client, exported, **confirm):
    preview = _upload(client, _file(exported))
    assert preview.status_code == 302, preview.content.decode()[:2000]
    return preview, client.post(preview.url, confirm, follow=True)


def test_the_files_settings_are_offered_and_taken_only_when_ticked(client, alice, bob):
    alice.time_zone, alice.number_format, alice.home_currency = "Europe/Prague", "en_CZ", "CZK"
    alice.save()
    _fill(alice)
    exported = user_data(alice)
    client.force_login(bob)
    preview, _ = _import(client, exported)
    page = client.get(preview.url)
    assert page.status_code == 404  # imported: the preview is gone
    bob.refresh_from_db()
    assert (bob.time_zone, bob.home_currency) != ("Europe/Prague", "CZK")

    carol = make_user("carol")
    client.force_login(carol)
    preview = _upload(client, _file(exported))
    html = client.get(preview.url).content.decode()
    assert "settings: time zone Europe/Prague" in html
    assert "home currency CZK" in html
    done = client.post(preview.url, {"take_settings": "on"}, follow=True).content.decode()
    assert "Your account now uses the file&#x27;s settings." in done
    carol.refresh_from_db()
    assert (carol.time_zone, carol.number_format, carol.home_currency) == (
        "Europe/Prague",
        "en_CZ",
        "CZK",
    )


def test_export_import_into_a_second_live_account_and_export_again_reads_the_same(
    client, alice, bob
):
    _fill(alice)
    first = user_data(alice)
    client.force_login(bob)
    _import(client, first, take_settings="on")
    second = user_data(bob)

    # Apart from ids, times and the account itself: every record the import restores.
    def shape(data):
        normalised = _normalised(data)
        return {section.name: normalised[section.name] for section in RESTORED}

    assert shape(second) == shape(first)
    assert Offer.objects.filter(owner=alice).count() == Offer.objects.filter(owner=bob).count()


def test_a_50_mb_hostile_upload_is_refused_without_being_read_into_memory(tmp_path):
    """Django keeps an upload over 2.5 MB in a temporary file; the size is checked before
    anything of it is read."""
    import tracemalloc

    from django.core.files.uploadedfile import TemporaryUploadedFile

    from accounts import restore

    upload = TemporaryUploadedFile("export.json", "application/json", 0, None)
    chunk = b"{}," * (1024 * 1024 // 3)
    for _ in range(50):
        upload.write(chunk)
    upload.size = upload.tell()
    upload.seek(0)
    tracemalloc.start()
    try:
        with pytest.raises(restore.Refused, match="the limit is 10 MB"):
            restore.read_export(upload)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        upload.close()
    assert upload.size > 48 * 1024 * 1024
    assert peak < 1024 * 1024


def test_a_file_made_before_promises_were_exported_imports_without_them(client, alice, bob):
    _fill(alice)
    data = user_data(alice)
    del data["promises"], data["signature"]
    client.force_login(bob)
    response = _upload(client, _file(_signed(data)))
    assert response.status_code == 302
    client.post(response.url)
    assert Offer.objects.filter(owner=bob).count() == 2
    assert not Promise.objects.filter(offer__owner=bob).exists()
