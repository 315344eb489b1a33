"""The models: derived fields, validation, constraints, natural keys and language tags."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings

from statuscodes.models import StatusCode, StatusCodeTranslation

pytestmark = pytest.mark.django_db


def make_code(code=799 - 200, **kwargs):
    kwargs.setdefault("phrase", "Custom")
    return StatusCode.objects.create(code=code, **kwargs)


def test_migrate_alone_loads_the_whole_dataset():
    from statuscodes.dataset import shipped_codes

    assert StatusCode.objects.count() == len(shipped_codes())
    assert StatusCodeTranslation.objects.filter(language="en").count() == len(shipped_codes())
    assert StatusCodeTranslation.objects.filter(language="ru").count() == len(shipped_codes())
    assert not StatusCode.objects.filter(edited=True).exists()


def test_derived_fields():
    not_found = StatusCode.objects.get(code=404)
    assert not_found.code_class == "4xx"
    assert not_found.reference == "RFC 9110 §15.5.5"
    assert str(not_found) == "404 Not Found"
    assert StatusCode(code=104, phrase="x", reference_document="draft").reference == "draft"


def test_of_class():
    codes = list(StatusCode.objects.of_class(2).values_list("code", flat=True))
    assert codes[0] == 200
    assert all(200 <= code <= 299 for code in codes)


@pytest.mark.parametrize("code", [99, 600, 0, 1000])
def test_code_out_of_range_is_a_validation_error(code):
    obj = StatusCode(code=code, phrase="Nope")
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    assert "code" in excinfo.value.message_dict
    assert not StatusCode.objects.filter(code=code).exists()


@pytest.mark.parametrize("code", [99, 600])
def test_code_out_of_range_is_refused_by_the_database(code):
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusCode.objects.create(code=code, phrase="Nope")
    assert not StatusCode.objects.filter(code=code).exists()


def test_duplicate_code_is_a_validation_error():
    with pytest.raises(ValidationError) as excinfo:
        StatusCode(code=404, phrase="Again").full_clean()
    assert "code" in excinfo.value.message_dict


def test_custom_code_in_range_is_accepted():
    obj = StatusCode(code=599, phrase="Network Connect Timeout Error", status="unofficial")
    obj.full_clean()
    obj.save()
    assert obj.code_class == "5xx"


def test_duplicate_language_is_a_validation_error_and_a_database_error():
    code = StatusCode.objects.get(code=404)
    duplicate = StatusCodeTranslation(status_code=code, language="ru", title="Ещё раз")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "__all__" in excinfo.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert code.translations.filter(language="ru").count() == 1


def test_duplicate_language_in_another_spelling_is_caught():
    code = StatusCode.objects.get(code=404)
    duplicate = StatusCodeTranslation(status_code=code, language="RU", title="Ещё раз")
    with pytest.raises(ValidationError):
        duplicate.full_clean()


@pytest.mark.parametrize("language", ["de", "xx", "r", "ru_RU!", ""])
def test_unknown_or_malformed_language_is_a_validation_error(language):
    code = make_code()
    translation = StatusCodeTranslation(status_code=code, language=language, title="T")
    with pytest.raises(ValidationError) as excinfo:
        translation.full_clean()
    assert "language" in excinfo.value.message_dict
    assert not code.translations.exists()


@override_settings(LANGUAGES=[("en", "English"), ("pt-br", "Português")])
def test_language_tags_are_normalised_and_generic_forms_accepted():
    code = make_code()
    translation = StatusCodeTranslation(status_code=code, language="pt_BR", title="Personalizado")
    translation.full_clean()
    translation.save()
    assert translation.language == "pt-br"
    StatusCodeTranslation(status_code=code, language="pt", title="Genérico").full_clean()


def test_a_new_language_is_data_not_a_migration():
    with override_settings(LANGUAGES=[("en", "English"), ("uk", "Українська")]):
        code = StatusCode.objects.get(code=404)
        text = StatusCodeTranslation(status_code=code, language="uk", title="Не знайдено")
        text.full_clean()
        text.save()
    assert code.translations.count() == 3


def test_natural_keys():
    text = StatusCodeTranslation.objects.get(status_code__code=404, language="ru")
    assert text.natural_key() == ("ru", 404)
    assert StatusCodeTranslation.objects.get_by_natural_key("ru", 404) == text
    assert StatusCode.objects.get_by_natural_key(404).natural_key() == (404,)
