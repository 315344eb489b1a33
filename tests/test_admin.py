"""The admin records edits so that the dataset sync keeps them."""

from __future__ import annotations

import json

import pytest

from statuscodes.models import StatusCode, StatusCodeTranslation

pytestmark = pytest.mark.django_db


def change_form_data(code):
    data = {
        "code": code.code,
        "phrase": code.phrase,
        "status": code.status,
        "origin": code.origin,
        "reference_document": code.reference_document,
        "reference_section": code.reference_section,
        "reference_url": code.reference_url,
        "former_phrases": json.dumps(code.former_phrases),
        # The admin renders a hidden initial value for fields with a callable default.
        "initial-former_phrases": json.dumps(code.former_phrases),
    }
    texts = list(code.translations.order_by("language"))
    prefix = "translations"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(len(texts)),
            f"{prefix}-INITIAL_FORMS": str(len(texts)),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    )
    for i, text in enumerate(texts):
        data.update(
            {
                f"{prefix}-{i}-id": str(text.pk),
                f"{prefix}-{i}-status_code": str(code.pk),
                f"{prefix}-{i}-language": text.language,
                f"{prefix}-{i}-title": text.title,
                f"{prefix}-{i}-description": text.description,
            }
        )
    return data


def test_changelist_and_change_form_render(admin_client):
    assert admin_client.get("/admin/statuscodes/statuscode/?q=404").status_code == 200
    code = StatusCode.objects.get(code=404)
    response = admin_client.get(f"/admin/statuscodes/statuscode/{code.pk}/change/")
    assert response.status_code == 200
    assert "Не найдено" in response.content.decode()


def test_editing_a_text_in_the_admin_marks_only_that_text_as_edited(admin_client):
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    ru_index = next(i for i in range(2) if data[f"translations-{i}-language"] == "ru")
    data[f"translations-{ru_index}-description"] = "Новое описание из админки."
    response = admin_client.post(f"/admin/statuscodes/statuscode/{code.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    ru = StatusCodeTranslation.objects.get(status_code=code, language="ru")
    en = StatusCodeTranslation.objects.get(status_code=code, language="en")
    assert (ru.description, ru.edited) == ("Новое описание из админки.", True)
    assert not en.edited
    code.refresh_from_db()
    assert not code.edited


def test_editing_metadata_in_the_admin_marks_the_code_as_edited(admin_client):
    code = StatusCode.objects.get(code=418)
    data = change_form_data(code)
    data["phrase"] = "I'm a teapot"
    response = admin_client.post(f"/admin/statuscodes/statuscode/{code.pk}/change/", data)
    assert response.status_code == 302
    code.refresh_from_db()
    assert (code.phrase, code.edited) == ("I'm a teapot", True)
