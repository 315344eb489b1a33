"""The app's own strings are translated into Russian."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation

import statuscodes
from statuscodes.models import StatusCode, StatusCodeTranslation
from statuscodes.protocol import rules_for


def test_compiled_catalogue_is_shipped():
    locale = Path(statuscodes.__file__).parent / "locale" / "ru" / "LC_MESSAGES"
    assert (locale / "django.po").is_file()
    assert (locale / "django.mo").is_file()


def test_model_names_in_russian(russian):
    assert str(StatusCode._meta.verbose_name) == "код состояния"
    assert str(StatusCode._meta.verbose_name_plural) == "коды состояния"
    assert str(StatusCodeTranslation._meta.get_field("description").verbose_name) == "описание"
    assert str(StatusCode.Status.UNOFFICIAL.label) == "неофициальный"


def test_protocol_notes_in_russian(russian):
    note = str(rules_for(405).headers[0].note)
    assert "метод" in note.lower()


@pytest.mark.django_db
def test_validation_messages_in_russian(russian):
    from django.core.exceptions import ValidationError

    text = StatusCodeTranslation(
        status_code=StatusCode.objects.get(code=404), language="de", title="x"
    )
    with pytest.raises(ValidationError) as excinfo:
        text.full_clean()
    assert "не входит в число настроенных языков" in str(excinfo.value.message_dict["language"])


def test_english_is_the_source(settings):
    with translation.override("en"):
        assert str(StatusCode._meta.verbose_name) == "status code"


@pytest.mark.parametrize(
    ("value", "ranges"),
    [
        ("", []),
        ("ru", ["ru"]),
        ("ru-RU, en;q=0.5", ["ru-RU", "en"]),
        ("en;q=0.5, ru", ["ru", "en"]),
        ("de;q=0.8, fr;q=0.8, *;q=0.1", ["de", "fr", "*"]),
        ("ru;q=0, en", ["en"]),
        ("ru;q=2, en;q=abc, xx yy, en-GB;Q=1.000", ["en-GB"]),
        ("ru;level=1, en", ["en"]),
        (",,, ;q=1, en", ["en"]),
        ("ru;q=0.1234", []),
        ("a" * 501, []),
    ],
)
def test_accept_language_is_read_as_rfc_9110_says(value, ranges):
    from statuscodes.languages import accept_language

    assert accept_language(value) == ranges
