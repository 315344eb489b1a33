"""The REST API: representation, languages, filters, errors, caching, writes, query counts."""

from __future__ import annotations

import base64
import json

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from statuscodes.dataset import shipped_codes
from statuscodes.models import StatusCode, StatusCodeTranslation

pytestmark = pytest.mark.django_db

LIST = "/api/status-codes/"


def get(client, path, **headers):
    return client.get(path, headers=headers)


def data(response):
    assert response["Content-Type"] == "application/json", response.content[:300]
    return json.loads(response.content)


def problem(response):
    assert response["Content-Type"] == "application/problem+json", response.content[:300]
    return json.loads(response.content)


def basic(user, password="pw"):
    token = base64.b64encode(f"{user.username}:{password}".encode()).decode()
    return {"authorization": f"Basic {token}"}


class TestRepresentation:
    def test_detail_in_english(self, client):
        response = get(client, f"{LIST}405/")
        assert response.status_code == 200
        item = data(response)
        assert list(item) == [
            "code", "phrase", "title", "description", "language", "class", "status", "origin",
            "reference", "former_phrases", "headers", "url", "html_url",
        ]  # fmt: skip
        assert item["code"] == 405
        assert item["phrase"] == item["title"] == "Method Not Allowed"
        assert item["language"] == "en"
        assert item["class"] == "4xx"
        assert item["status"] == "standard"
        assert item["reference"] == {
            "document": "RFC 9110",
            "section": "15.5.6",
            "url": "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6",
        }
        assert item["headers"][0]["name"] == "Allow"
        assert item["headers"][0]["section"] == "RFC 9110 §15.5.6"
        assert item["headers"][0]["level"] == "MUST"
        assert item["headers"][0]["keyword"] == "allow"
        assert item["headers"][0]["app_requires"] is True
        assert [(h["name"], h["level"], h["keyword"]) for h in item["headers"][1:]] == [
            ("Date", "MUST", None)
        ]
        assert item["url"] == "http://testserver/api/status-codes/405/"
        assert response["Content-Language"] == "en"
        assert response["Vary"] == "Accept, Accept-Language"

    def test_former_phrases_and_origin(self, client):
        assert data(get(client, f"{LIST}413/"))["former_phrases"] == [
            "Payload Too Large",
            "Request Entity Too Large",
        ]
        assert data(get(client, f"{LIST}522/"))["origin"] == "Cloudflare"

    def test_list_has_every_code(self, client):
        items = data(get(client, LIST))
        assert [i["code"] for i in items] == sorted(shipped_codes())


class TestLanguages:
    def test_accept_language(self, client):
        response = get(client, f"{LIST}404/", accept_language="ru-RU,ru;q=0.9,en;q=0.5")
        item = data(response)
        assert (item["title"], item["language"]) == ("Не найдено", "ru")
        assert response["Content-Language"] == "ru"

    def test_lang_overrides_accept_language(self, client):
        item = data(get(client, f"{LIST}404/?lang=en", accept_language="ru"))
        assert item["title"] == "Not Found"

    def test_accept_language_regional_variant(self, client):
        assert data(get(client, f"{LIST}404/", accept_language="ru-RU"))["language"] == "ru"

    def test_unsupported_accept_language_falls_back(self, client):
        assert data(get(client, f"{LIST}404/", accept_language="de, fr;q=0.5"))["language"] == "en"

    def test_all_languages(self, client):
        response = get(client, f"{LIST}404/?lang=all")
        item = data(response)
        assert "title" not in item
        assert set(item["translations"]) == {"en", "ru"}
        assert item["translations"]["ru"]["title"] == "Не найдено"
        assert response["Content-Language"] == "en, ru"

    @pytest.mark.parametrize("lang", ["de", "xx", "", "all,ru", "ru-RU", "RU"])
    def test_unsupported_lang_is_a_400_naming_the_supported_ones(self, client, lang):
        response = get(client, f"{LIST}?lang={lang}")
        assert response.status_code == 400
        body = problem(response)
        assert body["errors"] == [
            {
                "detail": f"“{lang}” is not supported; use one of: en, ru, all.",
                "parameter": "lang",
                "code": "invalid",
            }
        ]

    def test_errors_in_russian(self, client):
        body = problem(get(client, f"{LIST}?class=9", accept_language="ru"))
        assert body["title"] == "Неверный запрос"
        assert "1xx" in body["errors"][0]["detail"]

    def test_served_language_per_item_after_fallback(self, client):
        StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").delete()
        items = {i["code"]: i for i in data(get(client, f"{LIST}?lang=ru"))}
        assert items[404]["language"] == "en"
        assert items[405]["language"] == "ru"


class TestFilters:
    @pytest.mark.parametrize("value", ["4xx", "4"])
    def test_class(self, client, value):
        codes = [i["code"] for i in data(get(client, f"{LIST}?class={value}"))]
        assert codes
        assert all(400 <= c < 500 for c in codes)

    def test_status(self, client):
        codes = [i["code"] for i in data(get(client, f"{LIST}?status=unofficial"))]
        assert {444, 520} <= set(codes)
        assert 404 not in codes

    @pytest.mark.parametrize(
        ("query", "expected"),
        [("search=404", {404}), ("search=teapot", {418}), ("search=Not+Found", {404}),
         ("lang=ru&search=не+найдено", {404}), ("lang=ru&search=НЕ+НАЙДЕНО", {404})],
    )  # fmt: skip
    def test_search(self, client, query, expected):
        codes = {i["code"] for i in data(get(client, f"{LIST}?{query}"))}
        assert expected <= codes
        assert len(codes) < 10

    def test_search_in_the_served_language_only(self, client):
        assert data(get(client, f"{LIST}?lang=en&search=найдено")) == []

    def test_ordering(self, client):
        codes = [i["code"] for i in data(get(client, f"{LIST}?ordering=-code"))]
        assert codes == sorted(codes, reverse=True)

    def test_every_bad_value_is_named_in_one_400(self, client):
        response = get(client, f"{LIST}?class=4XX&status=nope&ordering=phrase")
        assert response.status_code == 400
        body = problem(response)
        assert {e["parameter"] for e in body["errors"]} == {"class", "status", "ordering"}
        assert body["detail"] == "The request has 3 invalid query parameters."


class TestNotFound:
    @pytest.mark.parametrize("path", ["999/", "abc/", "4040/", "099/"])
    def test_problem_not_html(self, client, path):
        response = get(client, f"{LIST}{path}")
        assert response.status_code == 404
        assert problem(response)["status"] == 404


class TestCaching:
    def test_etag_and_304(self, client):
        first = get(client, f"{LIST}404/?lang=ru")
        etag = first["ETag"]
        assert etag.startswith('"')
        assert first["Cache-Control"] == "public, max-age=60"
        again = get(client, f"{LIST}404/?lang=ru", if_none_match=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag
        assert again["Vary"] == first["Vary"]
        assert again["Cache-Control"] == first["Cache-Control"]

    def test_etag_differs_by_language_and_representation(self, client):
        tags = {
            get(client, path)["ETag"]
            for path in (f"{LIST}404/?lang=ru", f"{LIST}404/?lang=en", f"{LIST}404/?lang=all",
                         f"{LIST}?lang=ru", f"{LIST}?lang=ru&class=4")
        }  # fmt: skip
        assert len(tags) == 5

    def test_weak_and_star_match(self, client):
        etag = get(client, f"{LIST}404/")["ETag"]
        assert get(client, f"{LIST}404/", if_none_match=f'"x", W/{etag}').status_code == 304
        assert get(client, f"{LIST}404/", if_none_match="*").status_code == 304
        assert get(client, f"{LIST}404/", if_none_match='"other"').status_code == 200

    def test_an_edit_changes_etag_and_content_on_the_next_request(self, client):
        first = get(client, f"{LIST}404/?lang=ru")
        text = StatusCodeTranslation.objects.get(status_code__code=404, language="ru")
        text.description = "Новое описание."
        text.save()
        second = get(client, f"{LIST}404/?lang=ru", if_none_match=first["ETag"])
        assert second.status_code == 200
        assert second["ETag"] != first["ETag"]
        assert data(second)["description"] == "Новое описание."

    @override_settings(STATUSCODES_API_MAX_AGE=0)
    def test_max_age_setting(self, client):
        assert get(client, LIST)["Cache-Control"] == "public, max-age=0"

    def test_304_runs_no_serialiser(self, client, monkeypatch):
        etag = get(client, f"{LIST}?lang=ru")["ETag"]
        from statuscodes.api import serializers

        def refuse(*args, **kwargs):
            raise AssertionError("serialised for a 304")

        monkeypatch.setattr(serializers.StatusCodeSerializer, "to_representation", refuse)
        assert get(client, f"{LIST}?lang=ru", if_none_match=etag).status_code == 304


class TestQueries:
    def add_codes(self, count):
        with override_settings(LANGUAGES=[("en", "E"), ("ru", "R"), ("uk", "U")]):
            for i in range(count):
                code = StatusCode.objects.create(code=530 + i, phrase=f"Custom {i}")
                for lang in ("en", "ru", "uk"):
                    StatusCodeTranslation.objects.create(
                        status_code=code, language=lang, title=lang
                    )

    @pytest.mark.parametrize(
        "path", [f"{LIST}?lang=ru", f"{LIST}?lang=all", f"{LIST}404/?lang=all"]
    )
    def test_constant_queries(self, client, django_assert_num_queries, path):
        with django_assert_num_queries(3):  # the version, then the codes and their texts
            get(client, path)
        with django_assert_num_queries(1):  # warm: the version only
            get(client, path)
        self.add_codes(20)
        with django_assert_num_queries(3):
            response = get(client, path)
        assert response.status_code == 200

    def test_304_costs_one_query(self, client, django_assert_num_queries):
        etag = get(client, LIST)["ETag"]
        with django_assert_num_queries(1):
            assert get(client, LIST, if_none_match=etag).status_code == 304


class TestWrites:
    def test_anonymous_write_gets_401_with_challenge(self, client):
        response = client.post(LIST, {"code": 599, "phrase": "X"}, content_type="application/json")
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == 'Basic realm="api"'
        assert problem(response)["status"] == 401

    def test_anonymous_write_without_a_challenge_gets_403(self, client, monkeypatch):
        from rest_framework.authentication import SessionAuthentication

        from statuscodes.api.views import StatusCodeViewSet

        monkeypatch.setattr(StatusCodeViewSet, "authentication_classes", [SessionAuthentication])
        response = client.patch(f"{LIST}404/", {}, content_type="application/json")
        assert response.status_code == 403
        assert "WWW-Authenticate" not in response

    def test_user_without_permission_gets_403(self, client):
        user = User.objects.create_user("reader", password="pw")
        response = client.delete(f"{LIST}404/", headers=basic(user))
        assert response.status_code == 403
        assert StatusCode.objects.filter(code=404).exists()

    def test_create_a_custom_code(self, client, editor):
        body = {
            "code": 599,
            "phrase": "Network Connect Timeout Error",
            "status": "unofficial",
            "origin": "Our proxies",
            "reference": {"document": "Internal wiki", "section": "", "url": "https://wiki.example/599"},
            "translations": {"en": {"title": "Upstream timeout", "description": "Our proxy gave up."},
                             "ru": {"title": "Тайм-аут вышестоящего сервера"}},
        }  # fmt: skip
        response = client.post(
            f"{LIST}?lang=all", body, content_type="application/json", headers=basic(editor)
        )
        assert response.status_code == 201, response.content
        item = response.json()
        assert item["translations"]["ru"]["title"] == "Тайм-аут вышестоящего сервера"
        created = StatusCode.objects.get(code=599)
        assert created.edited
        assert created.reference_url == "https://wiki.example/599"
        assert set(created.translations.values_list("language", flat=True)) == {"en", "ru"}

    def test_partial_update_of_one_russian_description(self, client, editor):
        before = {
            (t.language, t.title, t.description)
            for t in StatusCodeTranslation.objects.filter(status_code__code=404)
        }
        code_before = StatusCode.objects.values().get(code=404)
        response = client.patch(
            f"{LIST}404/?lang=ru",
            {"translations": {"ru": {"description": "Нет такой страницы."}}},
            content_type="application/json",
            headers=basic(editor),
        )
        assert response.status_code == 200, response.content
        assert response.json()["description"] == "Нет такой страницы."
        ru = StatusCodeTranslation.objects.get(status_code__code=404, language="ru")
        en = StatusCodeTranslation.objects.get(status_code__code=404, language="en")
        assert ru.edited
        assert not en.edited
        assert (en.language, en.title, en.description) in before
        assert ru.title == "Не найдено"
        code_after = StatusCode.objects.values().get(code=404)
        assert {k: v for k, v in code_after.items() if k != "updated"} == {
            k: v for k, v in code_before.items() if k != "updated"
        }

    def test_a_write_is_seen_by_the_next_read(self, client, editor):
        etag = get(client, f"{LIST}418/")["ETag"]
        client.patch(
            f"{LIST}418/",
            {"origin": "RFC 2324"},
            content_type="application/json",
            headers=basic(editor),
        )
        response = get(client, f"{LIST}418/", if_none_match=etag)
        assert response.status_code == 200
        assert data(response)["origin"] == "RFC 2324"
        assert StatusCode.objects.get(code=418).edited

    def test_metadata_update_and_delete(self, client, editor):
        response = client.put(
            f"{LIST}418/",
            {"phrase": "(Unused)", "status": "unused", "former_phrases": ["I'm a teapot"]},
            content_type="application/json",
            headers=basic(editor),
        )
        assert response.status_code == 200, response.content
        assert client.delete(f"{LIST}418/", headers=basic(editor)).status_code == 204
        assert not StatusCode.objects.filter(code=418).exists()
        assert get(client, f"{LIST}418/").status_code == 404

    @pytest.mark.parametrize(
        ("body", "pointer"),
        [
            ({"code": 600, "phrase": "X"}, "/code"),
            ({"code": 99, "phrase": "X"}, "/code"),
            ({"code": 598, "phrase": "X", "translations": {"de": {"title": "X"}}}, "/translations/de"),
            ({"code": 598, "phrase": "X", "translations": {"ru": {"description": "no title"}}},
             "/translations/ru/title"),
            ({"code": 598, "phrase": "X", "translations": {"RU": {"title": "Нет"}}}, "/translations/RU"),
            ({"code": 598, "phrase": "X\u0000"}, "/phrase"),
            ({"code": 598, "phrase": "X", "former_phrases": "Old"}, "/former_phrases"),
            ({"code": 598, "phrase": "X", "reference": {"url": "javascript:alert(1)"}}, "/reference/url"),
            ({"code": 598, "phrase": "X", "status": "nope"}, "/status"),
            ({"code": 598, "phrase": "X", "reference": {"url": "not a url"}}, "/reference/url"),
            ({"code": 598}, "/phrase"),
        ],
    )  # fmt: skip
    def test_bad_input_is_a_problem_with_pointers_and_saves_nothing(
        self, client, editor, body, pointer
    ):
        count = StatusCode.objects.count()
        response = client.post(LIST, body, content_type="application/json", headers=basic(editor))
        assert response.status_code == 400
        assert pointer in {e["pointer"] for e in problem(response)["errors"]}
        assert StatusCode.objects.count() == count

    def test_a_duplicate_code_is_a_conflict(self, client, editor):
        response = client.post(
            LIST,
            {"code": 404, "phrase": "X"},
            content_type="application/json",
            headers=basic(editor),
        )
        assert response.status_code == 409
        body = problem(response)
        assert body["title"] == "Conflict"
        assert body["errors"] == [
            {"detail": "The status code 404 exists already.", "pointer": "/code", "code": "unique"}
        ]

    def test_a_new_translation_without_a_title_is_a_conflict(self, client, editor):
        StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").delete()
        response = client.patch(
            f"{LIST}404/",
            {"translations": {"ru": {"description": "Только описание."}}},
            content_type="application/json",
            headers=basic(editor),
        )
        assert response.status_code == 409
        assert problem(response)["errors"] == [
            {
                "detail": "A new translation needs a title.",
                "pointer": "/translations/ru/title",
                "code": "required",
            }
        ]
        assert not StatusCodeTranslation.objects.filter(
            status_code__code=404, language="ru"
        ).exists()

    def test_code_of_an_existing_status_cannot_change(self, client, editor):
        response = client.patch(
            f"{LIST}404/", {"code": 405}, content_type="application/json", headers=basic(editor)
        )
        assert response.status_code == 200
        assert StatusCode.objects.filter(code=404).exists()
        assert StatusCode.objects.get(code=405).phrase == "Method Not Allowed"

    def test_malformed_json(self, client, editor):
        response = client.post(LIST, "{", content_type="application/json", headers=basic(editor))
        assert response.status_code == 400
        assert problem(response)["status"] == 400

    def test_csrf_is_enforced_for_session_authentication(self, editor):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(editor)
        response = client.patch(f"{LIST}404/", {"origin": "x"}, content_type="application/json")
        assert response.status_code == 403
        assert "CSRF" in problem(response)["detail"]

    def test_sync_keeps_api_edits(self, client, editor):
        from django.core.management import call_command

        client.patch(
            f"{LIST}404/",
            {"translations": {"ru": {"description": "Нет такой страницы."}}},
            content_type="application/json",
            headers=basic(editor),
        )
        call_command("sync_statuscodes", verbosity=0)
        ru = StatusCodeTranslation.objects.get(status_code__code=404, language="ru")
        assert ru.description == "Нет такой страницы."


def test_browsable_api(client):
    response = get(client, f"{LIST}404/", accept="text/html")
    assert response.status_code == 200
    assert b"Not Found" in response.content
    assert response["Cache-Control"] == "private, no-cache"


def test_head(client):
    response = client.head(f"{LIST}404/")
    assert response.status_code == 200
    assert response["ETag"]
