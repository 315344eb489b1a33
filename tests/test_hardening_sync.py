"""Codes and texts that editors deleted stay deleted: the admin records them, the dataset sync
and the admin's restore action respect the records, ``--force`` forgets them.
"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import override_settings
from django.utils import translation

from statuscodes import dataset, models
from statuscodes.models import StatusCode, StatusCodeTranslation
from tests.test_admin import (
    ADD,
    CHANGELIST,
    change_form_data,
    change_url,
    form_index,
    messages_of,
    restore,
)

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("sync_statuscodes", *args, stdout=out)
    return out.getvalue()


def form_errors(response):
    return response.context["adminform"].form.errors


def text(code, language):
    return StatusCodeTranslation.objects.filter(status_code__code=code, language=language)


def delete_in_admin(client, code, **headers):
    url = f"/admin/statuscodes/statuscode/{StatusCode.objects.get(code=code).pk}/delete/"
    return client.post(url, {"post": "yes"}, headers=headers)


def deletions():
    return set(models.Deletion.objects.values_list("code", "language"))


def test_a_code_deleted_in_the_admin_stays_deleted(admin_client):
    assert delete_in_admin(admin_client, 418).status_code == 302
    assert deletions() == {(418, None)}
    output = run()
    assert "kept the deletion of 418" in output
    assert "added 418" not in output
    assert not StatusCode.objects.filter(code=418).exists()
    assert output.endswith("0 added, 0 updated, 0 edited kept. 1 deletion kept.\n")


def test_codes_deleted_by_the_bulk_action_stay_deleted(admin_client):
    pks = StatusCode.objects.filter(code__in=[418, 444]).values_list("pk", flat=True)
    response = admin_client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [str(pk) for pk in pks], "post": "yes"},
    )
    assert response.status_code == 302
    assert deletions() == {(418, None), (444, None)}
    run()
    assert not StatusCode.objects.filter(code__in=[418, 444]).exists()


def test_a_text_deleted_in_the_admin_stays_deleted(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-DELETE"] = "on"
    assert admin_client.post(change_url(404), data).status_code == 302
    assert deletions() == {(404, "ru")}
    output = run()
    assert "kept the deletion of 404 [ru]" in output
    assert not text(404, "ru").exists()
    with translation.override("ru"):
        assert run().endswith(
            "оставлено удаление 404 [ru]\n"
            "добавлено: 0, обновлено: 0, оставлено отредактированных: 0. Оставлено 1 удаление.\n"
        )


def test_force_brings_deletions_back_and_forgets_them():
    models.record_deletion(418)
    models.record_deletion(404, "ru")
    StatusCode.objects.filter(code=418).delete()
    text(404, "ru").delete()
    output = run("--force")
    assert "added 418" in output
    assert "added 404 [ru]" in output
    assert deletions() == set()


def test_a_dry_run_keeps_the_records():
    models.record_deletion(418)
    StatusCode.objects.filter(code=418).delete()
    assert "added 418" in run("--force", "--dry-run")
    assert deletions() == {(418, None)}


def test_adding_the_code_again_in_the_admin_forgets_its_deletion(admin_client):
    delete_in_admin(admin_client, 418)
    data = change_form_data(StatusCode(code=418, phrase="Ours"), extra=[("en", "Ours", "")])
    assert admin_client.post(ADD, data).status_code == 302
    assert deletions() == set()
    output = run()
    assert "added 418 [ru]" in output
    # Typed by a person, like a code created through the API: the sync keeps it.
    assert "kept the edited 418: phrase" in output
    assert StatusCode.objects.get(code=418).phrase == "Ours"


def test_adding_a_text_again_in_the_admin_forgets_its_deletion(admin_client):
    models.record_deletion(404, "ru")
    text(404, "ru").delete()
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code, extra=[("ru", "Нет такой страницы", "")])
    assert admin_client.post(change_url(404), data).status_code == 302
    assert deletions() == set()


def test_renumbering_a_code_in_the_admin_deletes_the_old_number(admin_client):
    code = StatusCode.objects.get(code=418)
    data = change_form_data(code)
    data["code"] = 419
    assert admin_client.post(change_url(418), data).status_code == 302
    assert deletions() == {(418, None)}
    run()
    assert not StatusCode.objects.filter(code=418).exists()


def test_restore_action_brings_a_deleted_text_back_and_forgets_it(admin_client):
    models.record_deletion(404, "ru")
    models.record_deletion(410, "ru")
    text(404, "ru").delete()
    text(410, "ru").delete()
    assert messages_of(restore(admin_client, 404)) == ["Restored 1 shipped text."]
    assert text(404, "ru").exists()
    assert deletions() == {(410, "ru")}


def test_record_and_forget_deletion():
    models.record_deletion(404, "RU")
    models.record_deletion(404, "ru")  # twice is once
    models.record_deletion(410, "ru")
    assert deletions() == {(404, "ru"), (410, "ru")}
    models.record_deletion(404)  # the whole code: its texts' records are part of it
    models.record_deletion(404)
    assert deletions() == {(404, None), (410, "ru")}
    models.forget_deletion(404)
    models.forget_deletion(410, "ru")
    models.forget_deletion(503)  # nothing recorded: nothing to do
    assert deletions() == set()


def test_the_database_allows_one_record_per_code_and_per_text():
    from django.db import IntegrityError, transaction

    models.Deletion.objects.create(code=404)
    models.Deletion.objects.create(code=404, language="ru")
    for language in (None, "ru"):
        with pytest.raises(IntegrityError), transaction.atomic():
            models.Deletion.objects.create(code=404, language=language)


def historical_apps(migration):
    return MigrationLoader(connection).project_state(("statuscodes", migration)).apps


def test_sync_with_historical_models_without_deletions():
    models.record_deletion(404, "ru")
    text(404, "ru").delete()
    apps = historical_apps("0003_dataversion")  # before there were deletions
    report = dataset.sync(
        apps.get_model("statuscodes", "StatusCode"),
        apps.get_model("statuscodes", "StatusCodeTranslation"),
    )
    assert [str(change) for change in report.changes] == ["added 404 [ru]"]


def test_sync_with_historical_models_with_deletions():
    models.record_deletion(404, "ru")
    text(404, "ru").delete()
    apps = historical_apps("0005_deletion")
    report = dataset.sync(
        apps.get_model("statuscodes", "StatusCode"),
        apps.get_model("statuscodes", "StatusCodeTranslation"),
    )
    assert [str(change) for change in report.changes] == ["kept the deletion of 404 [ru]"]


def test_deletions_round_trip_by_natural_key(tmp_path):
    models.record_deletion(418)
    models.record_deletion(404, "ru")
    out = StringIO()
    call_command("dumpdata", "statuscodes.deletion", "--natural-primary", stdout=out)
    rows = json.loads(out.getvalue())
    assert sorted((row["fields"]["code"], row["fields"]["language"]) for row in rows) == [
        (404, "ru"),
        (418, None),
    ]
    assert all("pk" not in row for row in rows)
    fixture = tmp_path / "deletions.json"
    fixture.write_text(out.getvalue(), encoding="utf-8")
    before = list(models.Deletion.objects.values_list("code", "language"))
    models.Deletion.objects.all().delete()
    call_command("loaddata", str(fixture), verbosity=0)
    call_command("loaddata", str(fixture), verbosity=0)  # again: the same rows, not new ones
    assert list(models.Deletion.objects.values_list("code", "language")) == before


@override_settings(LANGUAGES=[("en", "English"), ("ru", "Russian"), ("uk", "Ukrainian")])
def test_moving_a_text_to_another_language_in_the_admin_deletes_the_old_one(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    data[f"translations-{form_index(data, 'ru')}-language"] = "uk"
    assert admin_client.post(change_url(404), data).status_code == 302
    assert deletions() == {(404, "ru")}
    assert "kept the deletion of 404 [ru]" in run()
    assert not text(404, "ru").exists()
