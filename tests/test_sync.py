"""The sync command: adds, updates, keeps edits, --force, --dry-run."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from statuscodes import dataset
from statuscodes.models import StatusCode, StatusCodeTranslation

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("sync_statuscodes", *args, stdout=out)
    return out.getvalue()


def shipped(code, language):
    return dataset.shipped_texts(language)[code]


def test_an_up_to_date_database_has_nothing_to_do(django_assert_num_queries):
    with django_assert_num_queries(2):
        report = dataset.sync(StatusCode, StatusCodeTranslation)
    assert report.changes == []
    assert "0 added, 0 updated, 0 edited kept." in run()


def test_adds_missing_codes_and_texts():
    StatusCode.objects.filter(code__in=[103, 418]).delete()
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").delete()
    output = run()
    assert "added 103" in output
    assert "added 404 [ru]" in output
    assert "3 added" not in output  # 103 and 418 with two languages each, plus 404 [ru]
    assert "7 added, 0 updated" in output
    assert StatusCode.objects.get(code=103).text("ru").title == shipped(103, "ru")["title"]


def test_updates_texts_and_metadata_nobody_edited():
    StatusCodeTranslation.objects.filter(status_code__code=404, language="en").update(
        title="Old title"
    )
    StatusCode.objects.filter(code=413).update(phrase="Payload Too Large", former_phrases=[])
    output = run()
    assert "updated 404 [en]: title" in output
    assert "updated 413: phrase, former_phrases" in output
    assert StatusCode.objects.get(code=404).text("en").title == "Not Found"
    assert StatusCode.objects.get(code=413).phrase == "Content Too Large"


def test_keeps_edited_texts_and_metadata():
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").update(
        description="Наш собственный текст.", edited=True
    )
    StatusCode.objects.filter(code=418).update(phrase="I'm a teapot", edited=True)
    output = run()
    assert "kept the edited 404 [ru]: description differ from the dataset" in output
    assert "kept the edited 418: phrase" in output
    assert StatusCode.objects.get(code=404).text("ru").description == "Наш собственный текст."
    assert StatusCode.objects.get(code=418).phrase == "I'm a teapot"


def test_force_overwrites_edits_and_clears_the_mark():
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").update(
        description="Наш собственный текст.", edited=True
    )
    output = run("--force")
    assert "updated 404 [ru]: description" in output
    text = StatusCodeTranslation.objects.get(status_code__code=404, language="ru")
    assert text.description == shipped(404, "ru")["description"]
    assert not text.edited


def test_dry_run_reports_and_saves_nothing():
    StatusCode.objects.filter(code=103).delete()
    StatusCodeTranslation.objects.filter(status_code__code=404, language="en").update(title="Old")
    output = run("--dry-run")
    assert "added 103" in output
    assert "updated 404 [en]: title" in output
    assert "Dry run, nothing was saved" in output
    assert not StatusCode.objects.filter(code=103).exists()
    assert StatusCode.objects.get(code=404).text("en").title == "Old"


def test_custom_codes_and_other_languages_are_never_touched():
    custom = StatusCode.objects.create(code=599, phrase="Our Own")
    with override_settings(LANGUAGES=[("en", "E"), ("ru", "R"), ("uk", "U")]):
        StatusCodeTranslation.objects.create(status_code=custom, language="uk", title="Наш")
        run("--force")
    assert StatusCode.objects.get(code=599).phrase == "Our Own"
    assert custom.translations.get().title == "Наш"


def test_adds_a_language_newly_configured():
    StatusCodeTranslation.objects.filter(language="ru").delete()
    with override_settings(LANGUAGES=[("en", "English")]):
        assert "0 added" in run()
    with override_settings(LANGUAGES=[("en", "English"), ("ru", "Russian")]):
        output = run()
    assert f"{len(dataset.shipped_codes())} added" in output


def test_language_option():
    StatusCodeTranslation.objects.filter(status_code__code=404).delete()
    output = run("--language", "ru")
    assert "added 404 [ru]" in output
    assert "404 [en]" not in output


def test_unknown_language_option_is_a_clear_error():
    with pytest.raises(CommandError, match="No shipped texts for de"):
        run("--language", "de")


def test_output_in_russian():
    from django.utils import translation

    StatusCode.objects.filter(code=103).delete()
    with translation.override("ru"):
        output = run("--dry-run")
    assert "добавлен 103" in output


def test_force_clears_the_mark_of_a_text_typed_back_to_the_shipped_one():
    StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").update(edited=True)
    assert "updated 404 [ru]: edited" in run("--force")
    assert not StatusCodeTranslation.objects.get(status_code__code=404, language="ru").edited


def test_restore_puts_back_only_the_given_codes_and_languages():
    texts = StatusCodeTranslation.objects.filter(status_code__code__in=[404, 410])
    texts.update(title="Ours", edited=True)
    StatusCode.objects.filter(code=404).update(phrase="Ours", edited=True)
    report = dataset.restore(StatusCode, StatusCodeTranslation, codes=[404], languages=["ru"])
    assert [str(change) for change in report.changes] == ["updated 404 [ru]: title"]
    restored = StatusCodeTranslation.objects.get(status_code__code=404, language="ru")
    assert (restored.title, restored.edited) == (shipped(404, "ru")["title"], False)
    assert texts.filter(title="Ours").count() == 3
    assert StatusCode.objects.get(code=404).phrase == "Ours"  # metadata is not a text
