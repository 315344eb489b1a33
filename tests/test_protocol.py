"""The protocol table against the RFCs."""

from __future__ import annotations

import pytest

from statuscodes.dataset import shipped_codes
from statuscodes.protocol import forbids_content, rules_for


def header(code, name):
    return next(rule for rule in rules_for(code).headers if rule.name == name)


@pytest.mark.parametrize(
    ("code", "name", "section"),
    [
        (101, "Upgrade", "RFC 9110 §15.2.2"),
        (301, "Location", "RFC 9110 §10.2.2"),
        (308, "Location", "RFC 9110 §10.2.2"),
        (401, "WWW-Authenticate", "RFC 9110 §15.5.2"),
        (405, "Allow", "RFC 9110 §15.5.6"),
        (407, "Proxy-Authenticate", "RFC 9110 §15.5.8"),
        (426, "Upgrade", "RFC 9110 §15.5.22"),
        (426, "Connection", "RFC 9110 §7.8"),
    ],
)
def test_required_headers(code, name, section):
    rule = header(code, name)
    assert rule.required
    assert rule.section == section
    assert rule in rules_for(code).required_headers


@pytest.mark.parametrize(
    ("code", "name"),
    [(416, "Content-Range"), (413, "Retry-After"), (429, "Retry-After"), (503, "Retry-After"),
     (451, "Link"), (103, "Link"), (201, "Location"), (300, "Location"), (304, "ETag")],
)  # fmt: skip
def test_recommended_headers(code, name):
    rule = header(code, name)
    assert not rule.required
    assert rule in rules_for(code).recommended_headers


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


def test_unknown_code_gets_an_empty_rule():
    assert rules_for(499).headers == ()
    assert not rules_for(499).no_store
