"""The fallback chain: requested language, generic form, LANGUAGE_CODE, English, any text."""

from __future__ import annotations

import pytest
from django.test import override_settings

from statuscodes.languages import fallback_chain, generic_language, normalize_language
from statuscodes.models import StatusCode, StatusCodeTranslation, resolve_text

pytestmark = pytest.mark.django_db


def test_normalisation():
    assert normalize_language(" pt_BR ") == "pt-br"
    assert generic_language("ru-RU") == "ru"


def test_chain_order():
    assert fallback_chain("ru-ru") == ["ru-ru", "ru", "en"]
    assert fallback_chain(None) == ["en"]
    with override_settings(LANGUAGE_CODE="ru"):
        assert fallback_chain("de-at") == ["de-at", "de", "ru", "en"]


def test_requested_language():
    text = StatusCode.objects.get(code=404).text("ru")
    assert text.title == "Не найдено"
    assert text.language == text.description_language == "ru"


def test_regional_tag_falls_back_to_the_generic_language():
    text = StatusCode.objects.get(code=404).text("ru-RU")
    assert (text.title, text.language) == ("Не найдено", "ru")


def test_a_language_with_no_texts_at_all_gets_english():
    text = StatusCode.objects.get(code=404).text("de")
    assert (text.title, text.language) == ("Not Found", "en")


@override_settings(LANGUAGE_CODE="ru")
def test_language_code_comes_before_english():
    text = StatusCode.objects.get(code=404).text("de")
    assert (text.title, text.language) == ("Не найдено", "ru")


def test_each_field_falls_back_on_its_own():
    code = StatusCode.objects.get(code=404)
    code.translations.filter(language="ru").update(description="")
    text = code.text("ru")
    assert text.title_language == "ru"
    assert text.description_language == "en"
    assert text.description == code.translations.get(language="en").description


def test_any_existing_text_is_the_last_resort():
    code = StatusCode.objects.create(code=599, phrase="Custom")
    StatusCodeTranslation.objects.create(status_code=code, language="ru", title="Своё")
    text = code.text("en")
    assert (text.title, text.language) == ("Своё", "ru")
    assert (text.description, text.description_language) == ("", None)


def test_no_text_at_all():
    code = StatusCode.objects.create(code=598, phrase="Custom")
    assert code.text("en").title == ""
    assert code.text("en").language is None


def test_resolve_text_is_pure():
    texts = [StatusCodeTranslation(language="fr", title="Introuvable", description="d")]
    assert resolve_text(texts, "ru").title == "Introuvable"
