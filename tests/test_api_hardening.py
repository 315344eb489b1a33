"""Regression tests of the API's hardening: each was found by a fuzzer, schemathesis or HTTPolice."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError
from django.test import override_settings

from statuscodes import catalog
from statuscodes.api.reads import bodies
from statuscodes.models import StatusCode
from tests.test_api import LIST, basic, data, get, problem

pytestmark = pytest.mark.django_db


def patch(client, user, path, body, **headers):
    return client.patch(
        path, json.dumps(body), content_type="application/json", headers={**basic(user), **headers}
    )


class TestPaths:
    @pytest.mark.parametrize("code", ["²²²", "①②③", "٤٠٤", "४०४", "40４"])
    def test_only_ascii_digits_name_a_code(self, client, code):
        response = get(client, f"{LIST}{code}/")
        assert response.status_code == 404
        assert problem(response)["status"] == 404

    def test_if_none_match_star_on_a_missing_code_is_404(self, client):
        assert get(client, f"{LIST}299/", if_none_match="*").status_code == 404

    def test_if_none_match_star_on_an_existing_code_is_304(self, client):
        assert get(client, f"{LIST}404/", if_none_match="*").status_code == 304

    @pytest.mark.parametrize("method", ["TRACE", "FOO", "PUT"])
    def test_a_method_the_list_lacks_is_405_even_anonymously(self, client, method):
        response = client.generic(method, LIST)
        assert response.status_code == 405
        assert set(response["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}

    def test_trace_on_a_detail_is_405(self, client):
        response = client.generic("TRACE", f"{LIST}404/")
        assert response.status_code == 405
        assert "PATCH" in response["Allow"]


class TestLanguage:
    def test_header_notes_follow_lang_not_the_cookie(self, client):
        client.cookies["django_language"] = "ru"
        english = data(get(client, f"{LIST}405/?lang=en"))
        client.cookies["django_language"] = "en"
        bodies.clear()
        again = data(get(client, f"{LIST}405/?lang=en"))
        assert english == again
        assert english["headers"][0]["note"].startswith("The methods")

    def test_header_notes_follow_accept_language_only_through_the_served_language(self, client):
        russian = data(get(client, f"{LIST}405/", accept_language="ru"))
        assert russian["language"] == "ru"
        assert not russian["headers"][0]["note"].startswith("The methods")

    def test_errors_follow_lang(self, client):
        client.cookies["django_language"] = "en"
        response = get(client, f"{LIST}?lang=ru&class=9xx")
        assert response.status_code == 400
        assert response["Content-Language"] == "ru"
        assert "Cookie" not in response.get("Vary", "")

    def test_a_404_follows_lang(self, client):
        response = get(client, f"{LIST}299/?lang=ru", accept_language="en")
        assert response["Content-Language"] == "ru"
        assert problem(response)["title"] == "Не найдено"


class TestSearch:
    def test_yo_and_ye_give_the_same_results(self, client):
        a = data(get(client, f"{LIST}?lang=ru&search=удален"))
        b = data(get(client, f"{LIST}?lang=ru&search=удалён"))
        assert a == b
        assert a

    def test_the_cache_key_is_the_normalised_search(self, client):
        get(client, f"{LIST}?search=Not%20Found")
        get(client, f"{LIST}?search=not++found")
        get(client, f"{LIST}?search=NOT%20FOUND%20")
        assert len(bodies) == 1

    def test_a_long_search_is_a_400(self, client):
        response = get(client, f"{LIST}?search={'x' * 101}")
        assert response.status_code == 400
        assert problem(response)["errors"][0]["parameter"] == "search"


class TestBodies:
    def test_deep_json_is_a_400(self, client, editor):
        body = "[" * 100_000 + "]" * 100_000
        response = client.patch(f"{LIST}404/", body, content_type="application/json",
                                headers=basic(editor))  # fmt: skip
        assert response.status_code == 400
        assert problem(response)["status"] == 400

    def test_a_body_over_the_upload_limit_is_413(self, client, editor):
        with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100):
            response = patch(client, editor, f"{LIST}404/", {"phrase": "x" * 200})
        assert response.status_code == 413
        assert problem(response)["status"] == 413

    @pytest.mark.parametrize(
        ("body", "pointer"),
        [
            ({"phrase": 5}, "/phrase"),
            ({"origin": 1.5}, "/origin"),
            ({"phrase": True}, "/phrase"),
            ({"former_phrases": [1]}, "/former_phrases/0"),
            ({"former_phrases": [""]}, "/former_phrases/0"),
            ({"translations": {"en": {"title": 404}}}, "/translations/en/title"),
            ({"translations": {"en": {"title": "   "}}}, "/translations/en/title"),
            ({"translations": {"en": {"title": "\u3000\t"}}}, "/translations/en/title"),
            ({"translations": {"en": {"title": "a\ud800"}}}, "/translations/en/title"),
            ({"translations": {"en": {"description": "\udfff"}}}, "/translations/en/description"),
            ({"reference": {"document": 9110}}, "/reference/document"),
        ],
    )
    def test_bad_values_are_400_with_a_pointer(self, client, editor, body, pointer):
        before = get(client, f"{LIST}404/?lang=all").content
        response = patch(client, editor, f"{LIST}404/", body)
        assert response.status_code == 400, response.content
        assert pointer in [e["pointer"] for e in problem(response)["errors"]]
        assert get(client, f"{LIST}404/?lang=all").content == before

    @pytest.mark.parametrize("code", ["599", 599.0, True])
    def test_a_code_must_be_a_json_integer(self, client, editor, code):
        response = client.post(LIST, json.dumps({"code": code, "phrase": "X"}),
                               content_type="application/json", headers=basic(editor))  # fmt: skip
        assert response.status_code == 400
        assert "/code" in [e["pointer"] for e in problem(response)["errors"]]

    def test_put_replaces_the_metadata(self, client, editor):
        response = client.put(
            f"{LIST}413/", json.dumps({"phrase": "Content Too Large", "status": "standard"}),
            content_type="application/json", headers=basic(editor),
        )  # fmt: skip
        assert response.status_code == 200, response.content
        code = StatusCode.objects.get(code=413)
        assert code.former_phrases == []
        assert code.reference_document == ""
        assert code.origin == ""
        # Translations are not metadata: PUT changes those it names and keeps the others.
        assert code.translations.count() == 2


class TestConditionalWrites:
    def test_a_stale_if_match_is_412_and_changes_nothing(self, client, editor):
        response = patch(client, editor, f"{LIST}404/", {"origin": "x"}, if_match='"stale"')
        assert response.status_code == 412
        assert problem(response)["status"] == 412
        assert StatusCode.objects.get(code=404).origin == ""

    def test_the_current_tag_lets_the_write_through(self, client, editor):
        etag = get(client, f"{LIST}404/?lang=en")["ETag"]
        response = patch(client, editor, f"{LIST}404/?lang=en", {"origin": "x"}, if_match=etag)
        assert response.status_code == 200
        assert response["ETag"] != etag
        assert StatusCode.objects.get(code=404).origin == "x"
        # The old tag is stale now.
        again = patch(client, editor, f"{LIST}404/?lang=en", {"origin": "y"}, if_match=etag)
        assert again.status_code == 412

    def test_an_edit_of_another_code_keeps_the_tag(self, client, editor):
        etag = get(client, f"{LIST}404/?lang=en")["ETag"]
        patch(client, editor, f"{LIST}410/", {"origin": "elsewhere"})
        assert get(client, f"{LIST}404/?lang=en")["ETag"] == etag
        response = patch(client, editor, f"{LIST}404/?lang=en", {"origin": "x"}, if_match=etag)
        assert response.status_code == 200

    def test_a_weak_tag_never_matches_if_match(self, client, editor):
        etag = get(client, f"{LIST}404/?lang=en")["ETag"]
        response = patch(client, editor, f"{LIST}404/?lang=en", {"origin": "x"},
                         if_match=f"W/{etag}")  # fmt: skip
        assert response.status_code == 412

    def test_delete_with_a_stale_tag(self, client, editor):
        response = client.delete(f"{LIST}404/", headers={**basic(editor), "if_match": '"old"'})
        assert response.status_code == 412
        assert StatusCode.objects.filter(code=404).exists()

    def test_if_none_match_star_on_an_existing_code_refuses_the_write(self, client, editor):
        response = patch(client, editor, f"{LIST}404/", {"origin": "x"}, if_none_match="*")
        assert response.status_code == 412

    @override_settings(STATUSCODES_API_REQUIRE_IF_MATCH=True)
    def test_if_match_can_be_required(self, client, editor):
        response = patch(client, editor, f"{LIST}404/", {"origin": "x"})
        assert response.status_code == 428
        assert response["Cache-Control"] == "no-store"
        assert problem(response)["status"] == 428
        etag = get(client, f"{LIST}404/")["ETag"]
        assert (
            patch(client, editor, f"{LIST}404/", {"origin": "x"}, if_match=etag).status_code == 200
        )
        deleted = client.delete(f"{LIST}404/", headers=basic(editor))
        assert deleted.status_code == 428


class TestFailures:
    def test_a_locked_database_is_a_503_with_retry_after(self, client, editor, monkeypatch):
        def locked(*args, **kwargs):
            raise OperationalError("database is locked")

        monkeypatch.setattr(StatusCode, "save", locked)
        response = patch(client, editor, f"{LIST}404/", {"origin": "x"})
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 0
        assert problem(response)["status"] == 503

    def test_an_outage_on_a_read_is_a_503(self, client, monkeypatch):
        def down(*args, **kwargs):
            raise OperationalError("could not connect")

        monkeypatch.setattr(catalog, "data_version", down)
        monkeypatch.setattr("statuscodes.api.reads.data_version", down)
        for path in (LIST, f"{LIST}404/"):
            response = get(client, path)
            assert response.status_code == 503
            assert response["Retry-After"]


class TestBrowsableAPI:
    @pytest.mark.parametrize("path", [f"{LIST}404/", LIST])
    def test_an_editor_gets_the_page_with_its_forms(self, client, editor, path):
        client.force_login(editor)
        response = get(client, path, accept="text/html")
        assert response.status_code == 200, response.content[-2000:]
        assert b"Not Found" in response.content

    def test_the_detail_form_holds_the_current_values(self, client, editor):
        client.force_login(editor)
        response = get(client, f"{LIST}404/", accept="text/html")
        assert "Не найдено" in response.content.decode()  # the raw data form, every language

    @pytest.mark.parametrize("path", [f"{LIST}404/", LIST])
    def test_head_announces_the_length_of_the_get(self, client, path):
        length = len(get(client, path, accept="text/html").content)
        response = client.head(path, headers={"accept": "text/html"})
        assert int(response["Content-Length"]) == length


@pytest.mark.parametrize("stored", [5, [1, None, "Old"], {"a": 1}, "text"])
def test_former_phrases_stored_before_validation_never_break_a_read(client, stored):
    StatusCode.objects.filter(code=404).update(former_phrases=stored)
    catalog.clear()
    item = data(get(client, f"{LIST}404/"))
    assert item["former_phrases"] == (["Old"] if isinstance(stored, list) else [])
    assert get(client, f"{LIST}?lang=all").status_code == 200
