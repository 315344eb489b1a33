"""One search rule (``statuscodes.search``) for the pages, the API and the admin.

The surfaces differ only in the texts they search: the pages and the API one language's, the
admin (and the API's ``lang=all``) every language's. So for any query, a page in a language lists
what the API lists in that language, and the admin finds what the API finds with ``lang=all``,
which is what the pages find in English or in Russian. On SQLite and on PostgreSQL alike
(``STATUSCODES_TEST_POSTGRES=1`` runs this file against PostgreSQL).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from statuscodes import dataset
from statuscodes.catalog import Entry
from statuscodes.models import DataVersion, StatusCode, StatusCodeTranslation, bump_version
from statuscodes.search import SEARCH_MAX_LENGTH, matches, normalize_search

PAGES = "/status-codes/"
API = "/api/status-codes/"
ADMIN = "/admin/statuscodes/statuscode/"
LANGUAGES = ("en", "ru")

QUERIES = [
    "удален", "удалён", "УДАЛЁН", "Удалённого", "идет обработка", "Не найдено", "не найдено",
    "not found", "NOT FOUND", "  Not \t Found ", "not\u00a0found", "404 Not Found",
    '"not found"', "'Не найдено'", "4", "40", "404", "404 410", " 404  410 ", "4040", "04",
    "4xx", "4XX", "xx", "²²²", "٤٠٤", "４０４", "404 ²²²", "payload too large", "Found", "",
    "   ", '""', "zzzzzz", "e" * SEARCH_MAX_LENGTH,
]  # fmt: skip


def pages(client, query, language):
    response = client.get(PAGES, {"q": query}, headers={"accept-language": language})
    assert response.status_code == 200
    html = response.content.decode()
    return {
        int(c) for c in re.findall(r'<li class="code-row">\s*<a href="/status-codes/(\d+)/"', html)
    }


def api(client, query, language):
    response = client.get(API, {"search": query, "lang": language})
    assert response.status_code == 200, response.content
    return {item["code"] for item in json.loads(response.content)}


def admin(client, query):
    response = client.get(ADMIN, {"q": query})
    assert response.status_code == 200
    return set(response.context["cl"].queryset.values_list("code", flat=True))


def everywhere(client, query):
    """The codes each surface finds: ``{"pages en": {...}, "api all": {...}, "admin": {...}}``."""
    found = {}
    for language in LANGUAGES:
        found[f"pages {language}"] = pages(client, query, language)
        found[f"api {language}"] = api(client, query, language)
    found["api all"] = api(client, query, "all")
    found["admin"] = admin(client, query)
    return found


def assert_one_answer(found):
    for language in LANGUAGES:
        assert found[f"pages {language}"] == found[f"api {language}"], language
    assert found["admin"] == found["api all"]
    assert found["admin"] == found["pages en"] | found["pages ru"]


@pytest.mark.django_db
class TestEverySurfaceGivesOneAnswer:
    @pytest.mark.parametrize("query", QUERIES)
    def test_the_same_codes_everywhere(self, admin_client, query):
        assert_one_answer(everywhere(admin_client, query))

    def test_yo_ye_and_case_find_the_same(self, admin_client):
        answers = [everywhere(admin_client, q) for q in ("удален", "удалён", "УДАЛЁН", "УдАлЕн")]
        assert all(answer == answers[0] for answer in answers)
        # 404's description says «удалён навсегда», 410's «намеренно удалённого содержимого».
        assert {404, 410} <= answers[0]["pages ru"]
        assert answers[0]["pages en"] == set()  # no English text says it

    def test_expected_codes(self, admin_client):
        shipped = set(dataset.shipped_codes())
        client_errors = {code for code in shipped if 400 <= code < 500}
        expected = {
            "": shipped,
            "4": client_errors,
            "40": set(range(400, 410)),
            "404": {404},
            "404 410": {404, 410},
            "4040": set(),
            "04": set(),  # a number is the start of a code, not any part of it
            "²²²": set(),
            "٤٠٤": set(),
            "zzzzzz": set(),
        }
        for query, codes in expected.items():
            assert everywhere(admin_client, query)["admin"] == codes, query
        # The class, and the texts that name it ("unlike a 4xx, ...").
        assert client_errors < everywhere(admin_client, "4xx")["admin"]

    def test_a_phrase_in_russian(self, admin_client):
        found = everywhere(admin_client, "Не найдено")
        assert found["pages ru"] == {404}
        assert found["pages en"] == set()
        # Word by word, 302 «Найдено» would be found too: the query is one phrase.
        assert 302 not in found["admin"]

    def test_a_phrase_in_english(self, admin_client):
        found = everywhere(admin_client, "NOT FOUND")
        assert 404 in found["pages en"]
        assert 404 in found["pages ru"]  # the reason phrase is shown in every language
        assert everywhere(admin_client, "  not \n found ") == found
        assert everywhere(admin_client, '"Not Found"') == found

    def test_a_former_phrase_that_is_no_string_is_skipped(self, admin_client):
        # Written past validation (the field is JSON): the pages' search was a 500 on it.
        StatusCode.objects.filter(code=413).update(former_phrases=[5, None, "Payload Too Large"])
        bump_version(DataVersion)
        found = everywhere(admin_client, "payload too large")
        assert_one_answer(found)
        assert found["admin"] == {413}

    def test_text_the_database_folds_differently(self, admin_client):
        # SQLite's LIKE folds ASCII only; PostgreSQL folds by its collation: neither decides.
        code = StatusCode.objects.create(code=299, phrase="Custom")
        texts = {"en": ("Straße", "Ärger"), "ru": ("ЁЛКА", "Ещё ОДНО ОПИСАНИЕ")}
        for language, (title, description) in texts.items():
            code.translations.create(language=language, title=title, description=description)
        for query in ("strasse", "STRASSE", "ärger", "елка", "ёлка", "Ёлка", "еще одно"):
            found = everywhere(admin_client, query)
            assert_one_answer(found)
            assert 299 in found["admin"], query


@pytest.mark.django_db
def test_the_database_is_the_one_asked_for():
    # So that a run with STATUSCODES_TEST_POSTGRES=1 proves the rule on PostgreSQL.
    expected = "postgresql" if os.environ.get("STATUSCODES_TEST_POSTGRES") else "sqlite"
    assert connection.vendor == expected


class TestNormalize:
    @pytest.mark.parametrize(
        ("text", "normalized"),
        [
            ("УДАЛЁН", "удален"),
            ("Ёж", "еж"),
            ("е\u0308ж", "еж"),  # a decomposed ё
            ("Straße", "strasse"),
            ("  Not \t\n Found\u00a0", "not found"),
            ('"Not Found"', "not found"),
            ("' \"Not Found\" '", "not found"),
            ('"Not Found', '"not found'),  # an unpaired quote is text
            ("I'm a teapot", "i'm a teapot"),
            ('""', ""),
            ("²²²", "²²²"),  # no compatibility folding: ² is no 2
            ("٤٠٤", "٤٠٤"),
        ],
    )
    def test_normalize(self, text, normalized):
        assert normalize_search(text) == normalized

    @given(st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
    def test_normalizing_twice_changes_nothing(self, text):
        once = normalize_search(text)
        assert normalize_search(once) == once
        assert unicodedata.is_normalized("NFC", once)


DESCRIPTIONS = {"en": "Short and stout", "ru": "Низенький и толстый"}


def entry(former_phrases=None, **titles):
    code = StatusCode(code=418, phrase="I'm a teapot", former_phrases=former_phrases or [])
    translations = [
        StatusCodeTranslation(language=language, title=title, description=DESCRIPTIONS[language])
        for language, title in titles.items()
    ]
    return Entry(code, tuple(translations))


class TestMatches:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("", True), ("4", True), ("41", True), ("418", True), ("18", False), ("4180", False),
            ("404 418", True), ("404 410", False), ("418 teapot", False), ("418 I'm a", True),
            ("4xx", True), ("4XX", True), ("5xx", False), ("I'M A TEAPOT", True),
            ("чайник", True), ("НИЗЕНЬКИЙ  И ТОЛСТЫЙ", True), ("Short and stout", True),
            ("tea pot", False),
            # A phrase never runs from one text into the next.
            ("teapot 4xx", False), ("kettle short", False),
        ],
    )  # fmt: skip
    def test_rule(self, query, expected):
        assert matches(entry(en="Kettle", ru="Чайник"), query, language=None) is expected

    def test_a_language_searches_its_text_only(self):
        teapot = entry(en="Kettle", ru="Чайник")
        assert matches(teapot, "чайник", language="ru")
        assert not matches(teapot, "чайник", language="en")
        assert not matches(teapot, "stout", language="ru")
        assert matches(teapot, "teapot", language="ru")  # the reason phrase, in every language

    def test_quotes_are_dropped_from_the_query_only(self):
        quoted = entry(en='"Kettle"')
        assert matches(quoted, '"kettle', language="en")  # the text keeps its quotes
        assert matches(quoted, '"kettle"', language="en")  # the query drops them

    def test_a_language_without_a_text_searches_its_fallback(self):
        assert matches(entry(en="Kettle"), "kettle", language="ru")

    def test_only_phrases_count_among_former_phrases(self):
        odd = entry(former_phrases=["Kettle Boiling", 5, None, {"qq": "ww"}, ["jj"]], en="Kettle")
        assert matches(odd, "boiling", language="en")
        assert not any(matches(odd, q, language="en") for q in ("none", "qq", "ww", "jj"))
        for value in ("Boiling", {"Boiling": 1}, 5):
            assert not matches(entry(former_phrases=value), "boiling", language=None)
