"""Texts and former phrases are validated wherever they are written: the model and the admin."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from statuscodes.models import StatusCode, StatusCodeTranslation
from tests.test_admin import (
    RU,
    change_form_data,
    change_url,
    form_index,
    inline_formset,
)

pytestmark = pytest.mark.django_db


def form_errors(response):
    return response.context["adminform"].form.errors


def test_admin_former_phrases_are_edited_one_per_line(admin_client):
    code = StatusCode.objects.get(code=418)
    data = change_form_data(code)
    data["former_phrases"] = "I'm a teapot\r\n\r\n   \r\n  Teapot  \r\n"
    assert admin_client.post(change_url(418), data).status_code == 302
    code.refresh_from_db()
    assert code.former_phrases == ["I'm a teapot", "Teapot"]
    assert code.edited


def test_admin_change_form_shows_the_former_phrases_as_lines(admin_client):
    html = admin_client.get(change_url(413)).content.decode()
    assert ">\nPayload Too Large\nRequest Entity Too Large</textarea>" in html


def test_admin_unchanged_former_phrases_are_no_edit(admin_client):
    code = StatusCode.objects.get(code=413)
    data = change_form_data(code)
    assert data["former_phrases"] == "Payload Too Large\nRequest Entity Too Large"
    assert admin_client.post(change_url(413), data).status_code == 302
    code.refresh_from_db()
    assert not code.edited


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("5", ["5"]),  # a JSON number in the old textarea
        ("null", ["null"]),
        ("[1, null]", ["[1, null]"]),
        ("", []),
        ("\n \n", []),
    ],
)
def test_admin_former_phrases_are_always_a_list_of_texts(admin_client, value, stored):
    code = StatusCode.objects.get(code=418)
    data = change_form_data(code)
    data["former_phrases"] = value
    assert admin_client.post(change_url(418), data).status_code == 302
    code.refresh_from_db()
    assert code.former_phrases == stored


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[" * 100_000, "Each former phrase has at most 100 characters."),  # was a RecursionError
        ("Fine\n" + "x" * 101, "Each former phrase has at most 100 characters."),
        ("Bad\x00phrase", "Text must not contain NUL characters."),
    ],
)
def test_admin_bad_former_phrases_are_a_form_error(admin_client, value, message):
    code = StatusCode.objects.get(code=418)
    data = change_form_data(code)
    data["former_phrases"] = value
    response = admin_client.post(change_url(418), data)
    assert response.status_code == 200
    assert form_errors(response)["former_phrases"] == [message]
    code.refresh_from_db()
    assert code.former_phrases == ["I'm a teapot"]


def test_admin_former_phrases_errors_in_russian(admin_client):
    code = StatusCode.objects.get(code=418)
    data = change_form_data(code)
    data["former_phrases"] = "x" * 101
    response = admin_client.post(change_url(418), data, headers=RU)
    assert form_errors(response)["former_phrases"] == [
        "Каждая прежняя фраза — не длиннее 100 символов."
    ]
    assert (
        "По одной фразе в строке." in admin_client.get(change_url(418), headers=RU).content.decode()
    )


def test_admin_renders_a_bad_stored_value_without_an_error(admin_client):
    StatusCode.objects.filter(code=418).update(former_phrases=[1, None, "Teapot"])
    response = admin_client.get(change_url(418))
    assert response.status_code == 200
    assert ">\n1\nnull\nTeapot</textarea>" in response.content.decode()


@pytest.mark.parametrize("value", [5, None, [1, None], ["ok", ""], [["nested"]], {"a": "b"}])
def test_model_refuses_former_phrases_that_are_not_a_list_of_texts(value):
    code = StatusCode.objects.get(code=418)
    code.former_phrases = value
    with pytest.raises(ValidationError) as excinfo:
        code.full_clean()
    assert list(excinfo.value.message_dict) == ["former_phrases"]


def test_model_accepts_a_list_of_phrases():
    code = StatusCode.objects.get(code=413)
    code.former_phrases = ["Payload Too Large"]
    code.full_clean()


@pytest.mark.parametrize("title", [" ", "\t\n", "\u3000", "\u2028"])
def test_a_white_space_title_fails_full_clean_and_the_admin(admin_client, title):
    owner = StatusCode.objects.create(code=599, phrase="Custom")
    with pytest.raises(ValidationError) as excinfo:
        StatusCodeTranslation(status_code=owner, language="en", title=title).full_clean()
    assert excinfo.value.message_dict == {"title": ["A title must not be blank."]}
    code = StatusCode.objects.get(code=404)
    data = change_form_data(code)
    index = form_index(data, "en")
    data[f"translations-{index}-title"] = title
    response = admin_client.post(change_url(404), data)
    assert response.status_code == 200
    assert "title" in inline_formset(response).errors[index]
    assert code.text("en").title == "Not Found"


def test_a_white_space_title_in_russian(russian):
    owner = StatusCode.objects.get(code=404)
    with pytest.raises(ValidationError) as excinfo:
        StatusCodeTranslation(status_code=owner, language="en", title=" ").clean_fields()
    assert excinfo.value.message_dict["title"] == ["Название не может быть пустым."]


@pytest.mark.parametrize("field", ["description", "title"])
@pytest.mark.parametrize("bad", ["a\x00b", "a\ud800b"])
def test_a_text_with_nul_or_a_lone_surrogate_fails_validation(field, bad):
    obj = StatusCodeTranslation(status_code=StatusCode.objects.get(code=404), language="en")
    obj.title = "Fine"
    setattr(obj, field, bad)
    with pytest.raises(ValidationError) as excinfo:
        obj.clean_fields()
    assert list(excinfo.value.message_dict) == [field]


@pytest.mark.parametrize("field", ["phrase", "origin", "reference_document", "reference_section"])
def test_metadata_text_with_nul_fails_full_clean(field):
    code = StatusCode.objects.get(code=418)
    setattr(code, field, "a\x00b")
    with pytest.raises(ValidationError) as excinfo:
        code.full_clean()
    assert list(excinfo.value.message_dict) == [field]


def test_validator_messages_in_russian(russian):
    code = StatusCode.objects.get(code=418)
    code.origin = "a\x00b"
    code.phrase = "a\ud800b"
    code.former_phrases = 5
    with pytest.raises(ValidationError) as excinfo:
        code.full_clean()
    assert excinfo.value.message_dict == {
        "origin": ["Текст не должен содержать символы NUL."],
        "phrase": ["Текст не должен содержать непарные суррогатные символы."],
        "former_phrases": ["Укажите список фраз."],
    }
    code.former_phrases = [""]
    with pytest.raises(ValidationError) as excinfo:
        code.clean_fields(exclude=["origin", "phrase"])
    assert excinfo.value.message_dict == {
        "former_phrases": ["Каждая прежняя фраза должна быть непустым текстом."]
    }
