"""``sync_statuscodes --language`` touches only that language's texts; odd options are refused
or counted once.
"""

from __future__ import annotations

import pytest
from django.core.management import CommandError
from django.test import override_settings

from statuscodes import dataset
from statuscodes.management.commands.sync_statuscodes import Command
from statuscodes.models import StatusCode, StatusCodeTranslation
from tests.test_sync import run

pytestmark = pytest.mark.django_db


def text(code, language):
    return StatusCodeTranslation.objects.filter(status_code__code=code, language=language)


def test_language_option_leaves_metadata_and_codes_alone():
    StatusCode.objects.filter(code=418).update(phrase="I'm a teapot", edited=True)
    StatusCode.objects.filter(code=413).update(phrase="Payload Too Large")  # nobody edited it
    StatusCode.objects.filter(code=103).delete()
    text(404, "en").update(title="Ours", edited=True)
    output = run("--force", "--language", "en")
    assert output.splitlines()[:-1] == ["updated 404 [en]: title"]
    assert StatusCode.objects.get(code=418).phrase == "I'm a teapot"
    assert StatusCode.objects.get(code=413).phrase == "Payload Too Large"
    assert not StatusCode.objects.filter(code=103).exists()
    assert StatusCode.objects.get(code=404).text("en").title == "Not Found"


def test_language_option_is_documented_as_texts_only():
    help_text = " ".join(
        Command().create_parser("manage.py", "sync_statuscodes").format_help().split()
    )
    assert "metadata is left alone and no code is added" in help_text


def test_a_repeated_language_option_counts_once():
    text(404, "ru").delete()
    output = run("--language", "ru", "--language", "RU")
    assert output.splitlines()[:-1] == ["added 404 [ru]"]
    report = dataset.sync(StatusCode, StatusCodeTranslation, languages=["en", "en"])
    assert report.changes == []


@override_settings(LANGUAGES=[("en", "English")])
def test_a_language_the_settings_do_not_accept_is_a_clear_error():
    StatusCodeTranslation.objects.filter(language="ru").delete()
    with pytest.raises(CommandError, match=r"settings\.LANGUAGES"):
        run("--language", "ru")
    assert not StatusCodeTranslation.objects.filter(language="ru").exists()


@override_settings(LANGUAGES=[("en", "English")])
def test_the_refused_language_error_in_russian():
    from django.utils import translation

    with translation.override("ru"), pytest.raises(CommandError) as excinfo:
        run("--language", "ru")
    assert str(excinfo.value) == "Нет в settings.LANGUAGES: ru; настроены: en."
