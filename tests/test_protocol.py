"""The protocol table against the RFCs."""

from __future__ import annotations

import pytest

from statuscodes.dataset import shipped_codes
from statuscodes.protocol import LEVELS, forbids_content, header_for_keyword, rules_for


def header(code, name):
    return next(rule for rule in rules_for(code).all_headers if rule.name == name)


# (code, header, level in the RFC's words, section, the app refuses to raise the status without it)
LEVELS_BY_RFC = [
    (101, "Upgrade", "MUST", "RFC 9110 §15.2.2", False),  # never raised: the server sends it
    (103, "Link", "MAY", "RFC 8297 §2", False),
    (201, "Location", "MAY", "RFC 9110 §15.3.2", False),
    (206, "Content-Range", "MUST", "RFC 9110 §15.3.7.1", False),
    (206, "ETag", "MUST", "RFC 9110 §15.3.7", False),
    (300, "Location", "SHOULD", "RFC 9110 §15.4.1", False),
    (301, "Location", "SHOULD", "RFC 9110 §15.4.2", True),
    (302, "Location", "SHOULD", "RFC 9110 §15.4.3", True),
    (303, "Location", "SHOULD", "RFC 9110 §15.4.4", True),
    (307, "Location", "SHOULD", "RFC 9110 §15.4.8", True),
    (308, "Location", "SHOULD", "RFC 9110 §15.4.9", True),
    (301, "Retry-After", "MAY", "RFC 9110 §10.2.3", False),
    (401, "WWW-Authenticate", "MUST", "RFC 9110 §15.5.2", True),
    (405, "Allow", "MUST", "RFC 9110 §15.5.6", True),
    (407, "Proxy-Authenticate", "MUST", "RFC 9110 §15.5.8", True),
    (413, "Retry-After", "SHOULD", "RFC 9110 §15.5.14", False),  # "if the condition is temporary"
    (415, "Accept-Encoding", "SHOULD", "RFC 9110 §12.5.3", False),
    (416, "Content-Range", "SHOULD", "RFC 9110 §15.5.17", True),
    (426, "Upgrade", "MUST", "RFC 9110 §15.5.22", True),
    (426, "Connection", "MUST", "RFC 9110 §7.8", False),
    (429, "Retry-After", "MAY", "RFC 6585 §4", False),
    (451, "Link", "SHOULD", "RFC 7725 §4", False),
    (503, "Retry-After", "MAY", "RFC 9110 §15.6.4", False),
    (404, "Date", "MUST", "RFC 9110 §6.6.1", False),
    (503, "Date", "MAY", "RFC 9110 §6.6.1", False),
]


@pytest.mark.parametrize(("code", "name", "level", "section", "app_requires"), LEVELS_BY_RFC)
def test_levels_are_the_rfc_words(code, name, level, section, app_requires):
    rule = header(code, name)
    assert (rule.level, rule.section, rule.app_requires) == (level, section, app_requires)


@pytest.mark.parametrize(
    "name", ["Content-Location", "Date", "ETag", "Vary", "Cache-Control", "Expires"]
)
def test_a_304_must_carry_the_validators_a_200_would_have(name):
    rule = header(304, name)
    assert rule.level == "MUST"
    assert rule.section in {"RFC 9110 §15.4.5", "RFC 9110 §6.6.1"}
    # Only where the 200 would have sent it, so a response without it is not wrong as such.
    assert not rule.checkable


def test_a_304_is_no_redirect():
    assert "Retry-After" not in {rule.name for rule in rules_for(304).all_headers}


def test_every_level_is_a_bcp14_keyword():
    for code in [*shipped_codes(), 499, 599, 150]:
        for rule in rules_for(code).all_headers:
            assert rule.level in LEVELS


def test_a_stricter_rule_of_the_app_says_so_in_its_note():
    for code in shipped_codes():
        for rule in rules_for(code).all_headers:
            if rule.app_requires and rule.level != "MUST":
                assert "more strictly than the RFC" in str(rule.note), (code, rule.name)


def test_hop_by_hop_statuses():
    hop = {code for code in shipped_codes() if rules_for(code).hop_by_hop}
    assert hop == {101, 407, 426}


def test_keywords_name_their_headers():
    assert header_for_keyword("allow") == "Allow"
    assert header_for_keyword("allow_external") == "Location"
    assert header_for_keyword("unit") == "Content-Range"
    with pytest.raises(KeyError):
        header_for_keyword("status")


@pytest.mark.parametrize("code", [100, 101, 102, 103, 104, 150, 204, 205, 304])
def test_no_content(code):
    assert forbids_content(code)


@pytest.mark.parametrize("code", [200, 206, 301, 400, 404, 405, 500, 599])
def test_content_allowed(code):
    assert not forbids_content(code)


def test_no_store_exactly_for_rfc6585_codes():
    no_store = {code for code in shipped_codes() if rules_for(code).no_store}
    assert no_store == {428, 429, 431, 511}
    assert rules_for(429).no_store_section == "RFC 6585 §4"


def test_heuristically_cacheable_codes():
    cacheable = {code for code in shipped_codes() if rules_for(code).heuristically_cacheable}
    assert cacheable == {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501}


def test_unknown_code_gets_the_rules_of_its_class():
    assert rules_for(499).headers == ()
    assert [rule.name for rule in rules_for(499).class_headers] == ["Date"]
    assert [rule.keyword for rule in rules_for(399).all_headers] == [None, "retry_after"]
    assert not rules_for(499).no_store


def test_a_304_sheds_representation_metadata():
    assert set(rules_for(304).unwanted_headers) == {
        "Content-Type",
        "Content-Encoding",
        "Content-Language",
    }
    assert rules_for(200).unwanted_headers == ()
