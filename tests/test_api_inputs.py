"""The API against hostile or careless input: paths, bodies, types, languages, methods, outages."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.test import override_settings
from django.utils import translation

from statuscodes import catalog
from statuscodes.api.reads import _BodyCache, bodies
from statuscodes.models import StatusCode, StatusCodeTranslation
from statuscodes.protocol import rules_for
from statuscodes.validators import WHITE_SPACE

pytestmark = pytest.mark.django_db

LIST = "/api/status-codes/"
#: Every character ``str.isspace()`` is true of.
SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


@pytest.fixture
def lenient(client):
    """A client that shows a server error as the response a user would get."""
    client.raise_request_exception = False
    return client


def problem(response):
    assert response["Content-Type"] == "application/problem+json", response.content[:300]
    return json.loads(response.content)


def pointers(response):
    return {error["pointer"] for error in problem(response)["errors"]}


def send(client, method, path, body, headers):
    raw = body if isinstance(body, str) else json.dumps(body)
    return client.generic(method, path, raw, content_type="application/json", headers=headers)


def english(text):
    with translation.override("en"):
        return str(text)


def russian(text):
    with translation.override("ru"):
        return str(text)


class TestLanguageOfBodies:
    """One strong tag, one body: the notes and the errors follow ``?lang``, nothing else."""

    def allow_note(self, client, path, **headers):
        item = json.loads(client.get(path, headers=headers).content)
        return item["headers"][0]["note"]

    def test_notes_follow_lang_not_accept_language(self, client):
        note = rules_for(405).headers[0].note
        assert english(note) != russian(note)
        assert self.allow_note(client, f"{LIST}405/?lang=en", accept_language="ru") == english(note)
        bodies.clear()
        assert self.allow_note(client, f"{LIST}405/?lang=ru", accept_language="en") == russian(note)

    def test_notes_follow_lang_not_the_language_cookie(self, client):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
        note = rules_for(405).headers[0].note
        assert self.allow_note(client, f"{LIST}405/?lang=en") == english(note)

    def test_notes_of_all_languages_are_in_language_code(self, client):
        note = rules_for(405).headers[0].note
        item = json.loads(
            client.get(f"{LIST}405/?lang=all", headers={"accept_language": "ru"}).content
        )
        assert item["headers"][0]["note"] == english(note)

    def test_one_etag_one_body_whatever_the_cookie(self, client):
        first = client.get(f"{LIST}?lang=en", headers={"accept_language": "ru"})
        bodies.clear()
        catalog.clear()
        second = client.get(f"{LIST}?lang=en")
        assert first["ETag"] == second["ETag"]
        assert first.content == second.content

    def test_list_errors_follow_lang(self, client):
        response = client.get(f"{LIST}?lang=ru&class=9", headers={"accept_language": "en"})
        body = problem(response)
        assert body["title"] == "Неверный запрос"
        assert body["errors"][0]["detail"].startswith("«9»")
        assert response["Content-Language"] == "ru"

    def test_errors_follow_lang_not_the_cookie_and_do_not_vary_on_it(self, client):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
        response = client.get(f"{LIST}999/?lang=en")
        assert response.status_code == 404
        assert problem(response)["title"] == "Not Found"
        assert "Cookie" not in response["Vary"]

    def test_an_invalid_lang_is_told_in_the_accepted_language(self, client):
        body = problem(client.get(f"{LIST}?lang=xx", headers={"accept_language": "ru"}))
        assert body["title"] == "Неверный запрос"
        assert body["errors"][0]["detail"].startswith("«xx» не поддерживается")

    def test_validation_errors_follow_lang(self, client, auth):
        response = send(client, "POST", f"{LIST}?lang=ru", {"code": 598}, auth)
        body = problem(response)
        assert body["detail"] == "В запросе 1 ошибка проверки."
        assert body["errors"] == [
            {"detail": "Обязательное поле.", "pointer": "/phrase", "code": "required"}
        ]

    def test_lang_all_errors_are_in_language_code(self, client):
        body = problem(client.get(f"{LIST}999/?lang=all", headers={"accept_language": "ru"}))
        assert body["title"] == "Not Found"


class TestBrowsableApi:
    @pytest.fixture
    def as_editor(self, client, editor):
        client.force_login(editor)
        return client

    @pytest.mark.parametrize("path", [f"{LIST}404/", LIST])
    def test_pages_with_forms_for_an_editor(self, as_editor, path):
        response = as_editor.get(path, headers={"accept": "text/html"})
        assert response.status_code == 200
        assert b"Not Found" in response.content
        assert b"raw-data" in response.content or b"_content" in response.content

    @pytest.mark.parametrize("path", [f"{LIST}404/", LIST, f"{LIST}?class=3"])
    def test_head_announces_the_length_of_the_get(self, client, path):
        get = client.get(path, headers={"accept": "text/html"})
        head = client.head(path, headers={"accept": "text/html"})
        assert head.status_code == get.status_code == 200
        assert head["Content-Length"] == get["Content-Length"] == str(len(get.content))


class TestPaths:
    @pytest.mark.parametrize("code", ["²²²", "①②③", "٤٠٤", "4٠4", "４０４", "404%0A", "+404"])
    def test_only_ascii_digits_name_a_code(self, lenient, code):
        response = lenient.get(f"{LIST}{code}/")
        assert response.status_code == 404
        assert problem(response)["status"] == 404

    def test_no_write_under_another_spelling(self, lenient, auth):
        response = send(lenient, "PATCH", f"{LIST}٤٠٤/", {"origin": "x"}, auth)
        assert response.status_code == 404
        assert StatusCode.objects.get(code=404).origin == ""


class TestBodies:
    @pytest.mark.parametrize("method", ["POST", "PATCH", "PUT"])
    def test_deeply_nested_json_is_a_400(self, lenient, auth, method):
        path = LIST if method == "POST" else f"{LIST}404/"
        response = send(lenient, method, path, "[" * 100_000 + "]" * 100_000, auth)
        assert response.status_code == 400
        assert problem(response)["status"] == 400

    @pytest.mark.urls("tests.urls_api_only")  # no handler400: the API answers on its own
    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
    @pytest.mark.parametrize("method", ["POST", "PATCH"])
    def test_a_body_over_the_limit_is_a_413(self, lenient, auth, method):
        path = LIST if method == "POST" else f"{LIST}404/"
        response = send(lenient, method, path, {"origin": "x" * 2000}, auth)
        assert response.status_code == 413
        assert problem(response)["title"] == "Content Too Large"
        assert StatusCode.objects.get(code=404).origin == ""


BAD_TEXTS = ["\ud800", "a\udfffb", "nul\x00"]
#: Where a text can be written, as a function of the text -> (body, pointer).
PLACES = {
    "phrase": lambda t: ({"phrase": t}, "/phrase"),
    "origin": lambda t: ({"origin": t}, "/origin"),
    "document": lambda t: ({"reference": {"document": t}}, "/reference/document"),
    "section": lambda t: ({"reference": {"section": t}}, "/reference/section"),
    "url": lambda t: ({"reference": {"url": f"https://x.example/{t}"}}, "/reference/url"),
    "former": lambda t: ({"former_phrases": [t]}, "/former_phrases/0"),
    "title": lambda t: ({"translations": {"en": {"title": t}}}, "/translations/en/title"),
    "description": lambda t: (
        {"translations": {"en": {"description": t}}},
        "/translations/en/description",
    ),
}


class TestTexts:
    @pytest.mark.parametrize("text", BAD_TEXTS)
    @pytest.mark.parametrize("place", list(PLACES))
    def test_nul_and_lone_surrogates_are_400_everywhere(self, lenient, auth, place, text):
        body, pointer = PLACES[place](text)
        response = send(lenient, "PATCH", f"{LIST}404/", body, auth)
        assert response.status_code == 400, response.content[:300]
        assert pointer in pointers(response)
        created = send(lenient, "POST", LIST, {"code": 598, "phrase": "X", **body}, auth)
        assert created.status_code == 400, created.content[:300]
        assert not StatusCode.objects.filter(code=598).exists()

    @pytest.mark.parametrize(
        "body",
        [{"status": "\ud800"}, {"translations": {"\ud800": {"title": "x"}}},
         {"reference": {"url": "\ud800"}}, {"former_phrases": {"\ud800": 1}}],
    )  # fmt: skip
    def test_a_surrogate_echoed_in_an_error_message_is_no_500(self, lenient, auth, body):
        response = send(lenient, "PATCH", f"{LIST}404/", body, auth)
        assert response.status_code == 400
        assert "\ud800" not in response.content.decode()

    @pytest.mark.parametrize("space", SPACES)
    def test_a_white_space_title_is_refused_as_the_admin_refuses_it(self, client, auth, space):
        body = {"translations": {"ru": {"title": space * 3}}}
        response = send(client, "PATCH", f"{LIST}404/", body, auth)
        assert response.status_code == 400
        assert pointers(response) == {"/translations/ru/title"}
        assert StatusCodeTranslation.objects.get(status_code__code=404, language="ru").title

    def test_a_white_space_title_of_a_new_code(self, client, auth):
        body = {"code": 598, "phrase": "X", "translations": {"en": {"title": " \u3000\n"}}}
        response = send(client, "POST", LIST, body, auth)
        assert response.status_code == 400
        assert pointers(response) == {"/translations/en/title"}

    @pytest.mark.parametrize("phrases", [[""], ["  "], ["x" * 101], ["ok", "\u2028"]])
    def test_former_phrases_follow_the_one_rule(self, client, auth, phrases):
        response = send(client, "PATCH", f"{LIST}404/", {"former_phrases": phrases}, auth)
        assert response.status_code == 400
        assert {p.rsplit("/", 1)[0] for p in pointers(response)} == {"/former_phrases"}

    def test_the_schema_pattern_of_a_title_says_the_same(self, client):
        document = client.get("/api/schema/", headers={"accept": "application/json"}).json()
        text = document["components"]["schemas"]["Text"]["properties"]["title"]
        pattern = text["pattern"]
        # Only escapes that mean the same in ECMAScript and Python: no \s, \d, \w, \Z.
        assert not re.search(r"\\[sSdDwWZAbB]", pattern), pattern
        assert WHITE_SPACE.replace("\\x", "\\u00") in pattern
        assert all(re.search(pattern, space * 2) is None for space in SPACES)
        assert re.search(pattern, " Не найдено\n")
        assert re.search(pattern, "a\x00") is None


class TestStrictTypes:
    @pytest.mark.parametrize(
        ("body", "pointer"),
        [({"code": "598"}, "/code"), ({"code": True}, "/code"), ({"code": 598.0}, "/code"),
         ({"phrase": 5}, "/phrase"), ({"phrase": 5.5}, "/phrase"), ({"origin": 5}, "/origin"),
         ({"reference": {"document": 1}}, "/reference/document"),
         ({"reference": {"url": 1}}, "/reference/url"), ({"former_phrases": [1]}, "/former_phrases/0"),
         ({"translations": {"en": {"title": 5}}}, "/translations/en/title"),
         ({"translations": {"en": {"title": "T", "description": 5}}}, "/translations/en/description"),
         ({"status": 1}, "/status"), ({"status": ["standard"]}, "/status")],
    )  # fmt: skip
    def test_only_json_strings_are_strings_and_only_integers_codes(
        self, client, auth, body, pointer
    ):
        full = {"code": 598, "phrase": "X", **body}
        response = send(client, "POST", LIST, full, auth)
        assert response.status_code == 400, response.content
        assert pointer in pointers(response)
        assert not StatusCode.objects.filter(code=598).exists()

    def test_a_change_is_strict_too(self, client, auth):
        response = send(client, "PATCH", f"{LIST}404/", {"origin": 404}, auth)
        assert response.status_code == 400
        assert pointers(response) == {"/origin"}


class TestPut:
    def test_put_resets_omitted_metadata_and_keeps_unnamed_translations(self, client, auth):
        code = StatusCode.objects.get(code=413)
        assert code.former_phrases
        assert code.reference_url
        StatusCode.objects.filter(code=413).update(origin="Somewhere")
        ru_before = StatusCodeTranslation.objects.get(status_code__code=413, language="ru").title
        body = {"phrase": "Content Too Large", "translations": {"en": {"title": "Too big"}}}
        response = send(client, "PUT", f"{LIST}413/", body, auth)
        assert response.status_code == 200, response.content
        code.refresh_from_db()
        assert (code.origin, code.former_phrases) == ("", [])
        assert (code.reference_document, code.reference_section, code.reference_url) == ("", "", "")
        assert code.status == StatusCode.Status.STANDARD
        texts = dict(code.translations.values_list("language", "title"))
        assert texts == {"en": "Too big", "ru": ru_before}

    def test_put_resets_the_omitted_parts_of_the_reference(self, client, auth):
        body = {"phrase": "Not Found", "reference": {"document": "RFC 9110"}}
        assert send(client, "PUT", f"{LIST}404/", body, auth).status_code == 200
        code = StatusCode.objects.get(code=404)
        assert (code.reference_document, code.reference_section) == ("RFC 9110", "")

    def test_put_resets_the_status(self, client, auth):
        StatusCode.objects.filter(code=418).update(status="unused")
        assert send(client, "PUT", f"{LIST}418/", {"phrase": "(Unused)"}, auth).status_code == 200
        assert StatusCode.objects.get(code=418).status == "standard"

    def test_patch_still_changes_only_what_it_names(self, client, auth):
        before = StatusCode.objects.get(code=413)
        assert send(client, "PATCH", f"{LIST}413/", {"origin": "x"}, auth).status_code == 200
        after = StatusCode.objects.get(code=413)
        assert after.former_phrases == before.former_phrases
        assert after.reference_url == before.reference_url


class TestSearch:
    def codes(self, client, query):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200, response.content
        return {item["code"] for item in json.loads(response.content)}

    def test_yo_and_ye_find_the_same(self, client):
        with_yo = self.codes(client, "lang=ru&search=удалён")
        assert with_yo
        assert self.codes(client, "lang=ru&search=удален") == with_yo
        assert self.codes(client, "lang=ru&search=УДАЛЕН") == with_yo

    def test_runs_of_white_space_are_one_space(self, client):
        assert self.codes(client, "search=not%20%20%09found") == self.codes(
            client, "search=not+found"
        )

    def test_one_representation_one_key(self, client):
        tags = {
            client.get(f"{LIST}?search={query}")["ETag"]
            for query in ("Not+Found", "not+found", "%20NOT%20%20FOUND%20")
        }
        assert len(tags) == 1
        assert len(bodies._items) == 1

    def test_a_search_over_100_characters_is_a_400(self, client):
        response = client.get(f"{LIST}?search={'a' * 101}")
        assert response.status_code == 400
        assert [e["parameter"] for e in problem(response)["errors"]] == ["search"]
        assert client.get(f"{LIST}?search={'a' * 100}").status_code == 200

    def test_the_body_cache_is_bounded_by_bytes(self):
        cache = _BodyCache(size=100, max_bytes=1000)
        for i in range(10):
            cache.get(("key", i), lambda: b"x" * 400)
        assert sum(len(body) for body in cache._items.values()) <= 1000
        assert len(cache._items) == 2
        cache.get("huge", lambda: b"x" * 2000)
        assert "huge" not in cache._items

    def test_the_shared_cache_has_a_byte_bound(self):
        assert 0 < bodies.max_bytes <= 64 * 1024 * 1024


class TestMethods:
    @pytest.mark.parametrize(
        ("method", "path"),
        [("TRACE", LIST), ("TRACE", f"{LIST}404/"), ("DELETE", LIST), ("PUT", LIST),
         ("PATCH", LIST), ("POST", f"{LIST}404/"), ("CONNECT", f"{LIST}404/")],
    )  # fmt: skip
    def test_a_method_the_view_lacks_is_a_405_even_anonymously(self, client, method, path):
        response = client.generic(method, path)
        assert response.status_code == 405
        assert problem(response)["status"] == 405
        allowed = {m.strip() for m in response["Allow"].split(",")}
        assert method not in allowed
        assert {"GET", "HEAD", "OPTIONS"} <= allowed

    def test_anonymous_writes_still_get_401(self, client):
        response = send(client, "PATCH", f"{LIST}404/", {}, {})
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == 'Basic realm="api"'


class TestOutage:
    @pytest.mark.parametrize("error", [OperationalError, InterfaceError])
    @pytest.mark.parametrize("path", [LIST, f"{LIST}404/", f"{LIST}404/?format=json"])
    def test_reads_answer_503_with_retry_after(self, lenient, monkeypatch, error, path):
        def down():
            raise error("the database is away")

        monkeypatch.setattr("statuscodes.api.reads.data_version", down)
        monkeypatch.setattr("statuscodes.catalog.data_version", down)
        response = lenient.get(path, headers={"accept_language": "ru"})
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 0
        assert problem(response)["status"] == 503

    @pytest.mark.parametrize("method", ["POST", "PATCH", "PUT", "DELETE"])
    def test_a_locked_database_is_a_503_not_a_500(self, lenient, auth, monkeypatch, method):
        def locked(*args, **kwargs):
            raise OperationalError("database is locked")

        # Everything that writes; authentication and the permission check only read.
        for name in ("db.models.Model.save", "db.models.Model.delete",
                     "db.models.query.QuerySet.select_for_update", "db.models.query.QuerySet.delete",
                     "db.models.query.QuerySet.update"):  # fmt: skip
            monkeypatch.setattr(f"django.{name}", locked)
        path = LIST if method == "POST" else f"{LIST}404/"
        body = {"code": 598, "phrase": "X"} if method == "POST" else {"phrase": "Not Found"}
        response = send(lenient, method, path, body, auth)
        assert response.status_code == 503
        assert response["Retry-After"]
        assert problem(response)["status"] == 503


def test_a_too_deep_document_is_told_in_the_language_of_lang(client, auth):
    response = send(client, "POST", f"{LIST}?lang=ru", "[" * 100_000 + "]" * 100_000, auth)
    assert (
        problem(response)["detail"]
        == "Ошибка разбора JSON: слишком глубокая вложенность документа."
    )
