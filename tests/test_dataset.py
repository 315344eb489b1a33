"""The shipped dataset against the IANA registry, the seed and itself."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from statuscodes import dataset

# The IANA HTTP Status Code Registry, written out here by hand so that the test is an
# independent witness of the shipped data file.
IANA_REGISTRY = {
    100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
    104: "Upload Resumption Supported",
    200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
    204: "No Content", 205: "Reset Content", 206: "Partial Content", 207: "Multi-Status",
    208: "Already Reported", 226: "IM Used",
    300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
    304: "Not Modified", 305: "Use Proxy", 306: "(Unused)", 307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
    407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
    411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
    414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
    417: "Expectation Failed", 418: "(Unused)", 421: "Misdirected Request",
    422: "Unprocessable Content", 423: "Locked", 424: "Failed Dependency", 425: "Too Early",
    426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
    431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
    510: "Not Extended", 511: "Network Authentication Required",
}  # fmt: skip
SPECIAL_STATUS = {104: "temporary", 306: "unused", 418: "unused", 510: "obsoleted"}
UNOFFICIAL = {
    444: "nginx", 449: "Microsoft", 494: "nginx", 495: "nginx", 496: "nginx", 497: "nginx",
    499: "nginx", 509: "Apache", 520: "Cloudflare", 521: "Cloudflare", 522: "Cloudflare",
    523: "Cloudflare", 524: "Cloudflare", 525: "Cloudflare", 526: "Cloudflare",
}  # fmt: skip
SEED_CODES = {
    100, 101, 102, 200, 201, 202, 203, 204, 205, 206, 207, 300, 301, 302, 303, 304, 305, 306,
    307, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416,
    417, 421, 422, 423, 424, 425, 426, 449, 500, 501, 502, 503, 504, 505, 506, 507, 509, 510,
}  # fmt: skip
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _no_duplicate_keys(pairs):
    keys = [key for key, _ in pairs]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates, f"duplicate keys {duplicates}"
    return dict(pairs)


def test_every_registered_code_is_shipped_with_its_registry_phrase():
    codes = dataset.shipped_codes()
    missing = sorted(set(IANA_REGISTRY) - set(codes))
    assert not missing, f"registered codes missing from the dataset: {missing}"
    wrong = {
        c: codes[c]["phrase"] for c, phrase in IANA_REGISTRY.items() if codes[c]["phrase"] != phrase
    }
    assert not wrong, f"phrases that differ from the registry: {wrong}"


def test_statuses_follow_the_registry():
    for code, meta in dataset.shipped_codes().items():
        expected = SPECIAL_STATUS.get(code, "unofficial" if code in UNOFFICIAL else "standard")
        assert meta["status"] == expected, code


def test_unofficial_codes_name_their_origin():
    codes = dataset.shipped_codes()
    unofficial = {c for c, meta in codes.items() if meta["status"] == "unofficial"}
    assert unofficial == set(UNOFFICIAL)
    for code, origin in UNOFFICIAL.items():
        assert origin in codes[code]["origin"], code
    for code in set(codes) - set(UNOFFICIAL):
        assert codes[code]["origin"] == "", code


def test_every_seed_code_is_shipped():
    assert set(dataset.shipped_codes()) >= SEED_CODES


def test_only_registered_or_unofficial_codes_are_shipped():
    assert set(dataset.shipped_codes()) == set(IANA_REGISTRY) | set(UNOFFICIAL)


def test_references_are_documents_with_urls():
    for code, meta in dataset.shipped_codes().items():
        assert meta["reference_document"], code
        assert meta["reference_url"].startswith("https://"), code
        if meta["reference_document"] == "RFC 9110":
            assert meta["reference_url"].endswith("#section-" + meta["reference_section"]), code


def test_former_phrases():
    codes = dataset.shipped_codes()
    assert codes[413]["former_phrases"] == ["Payload Too Large", "Request Entity Too Large"]
    assert "Unprocessable Entity" in codes[422]["former_phrases"]
    assert "Requested Range Not Satisfiable" in codes[416]["former_phrases"]


@pytest.mark.parametrize("name", ["codes.json", "texts/en.json", "texts/ru.json"])
def test_data_files_have_no_duplicates(name):
    text = resources.files("statuscodes").joinpath("data", name).read_text(encoding="utf-8")
    data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    if name == "codes.json":
        numbers = [row["code"] for row in data]
        assert len(numbers) == len(set(numbers))


def test_both_languages_are_shipped():
    assert set(dataset.shipped_languages()) >= {"en", "ru"}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_code_has_a_title_and_description(language):
    texts = dataset.shipped_texts(language)
    assert set(texts) == set(dataset.shipped_codes())
    for code, text in texts.items():
        assert text["title"].strip(), (language, code)
        assert len(text["description"].strip()) >= 80, (language, code)
        assert "\n" not in text["description"], (language, code)


def test_russian_texts_are_in_cyrillic_and_not_copies():
    english = dataset.shipped_texts("en")
    for code, text in dataset.shipped_texts("ru").items():
        for field in ("title", "description"):
            assert CYRILLIC.search(text[field]), (code, field)
            assert text[field] != english[code][field], (code, field)
        assert "**" not in text["description"], code  # the seed's 510 row had masked letters


def test_english_texts_are_in_english():
    for code, text in dataset.shipped_texts("en").items():
        for field in ("title", "description"):
            assert not CYRILLIC.search(text[field]), (code, field)


def test_english_titles_are_the_registry_phrases():
    codes = dataset.shipped_codes()
    for code, text in dataset.shipped_texts("en").items():
        if codes[code]["phrase"] != "(Unused)":
            assert text["title"] == codes[code]["phrase"], code


def test_seed_errors_are_corrected():
    en = dataset.shipped_texts("en")
    ru = dataset.shipped_texts("ru")
    assert "Misdirected" in en[421]["title"]
    assert "connections" not in en[422]["description"].lower()
    assert "Locked" not in en[422]["description"]
    assert "RFC 8470" in en[425]["description"]
    assert "TLS/1.0" not in en[426]["description"]
    assert "Upgrade" in en[426]["description"]
    assert "FlashGet" not in en[206]["description"]
    assert "Allow" in en[405]["description"]
    assert "Allow" in ru[405]["description"]
    assert "WWW-Authenticate" in en[401]["description"]
    assert ru[404]["title"] == "Не найдено"
    assert ru[500]["title"] == "Внутренняя ошибка сервера"


def test_unknown_language_has_no_shipped_texts():
    assert dataset.shipped_texts("de") == {}
