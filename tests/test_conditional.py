"""Conditional requests by entity tag, as RFC 9110 §13.2.2 orders them."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from statuscodes.conditional import evaluate, parse_tags

TAG = '"abc"'


def request(method="GET", **headers):
    return RequestFactory().generic(method, "/", **headers)


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        ("*", None),
        ('"a", W/"b"', ['"a"', 'W/"b"']),
        ('"a,b" , "c"', ['"a,b"', '"c"']),
        ('garbage, "x"', ['"x"']),
        ('"unterminated', []),
        ("", []),
    ],
)
def test_parse_tags(value, tags):
    assert parse_tags(value) == tags


@pytest.mark.parametrize(
    ("method", "headers", "etag", "outcome"),
    [
        ("GET", {}, TAG, "proceed"),
        ("GET", {"HTTP_IF_NONE_MATCH": TAG}, TAG, "not_modified"),
        ("HEAD", {"HTTP_IF_NONE_MATCH": 'W/"abc"'}, TAG, "not_modified"),
        ("GET", {"HTTP_IF_NONE_MATCH": '"other"'}, TAG, "proceed"),
        ("GET", {"HTTP_IF_NONE_MATCH": "*"}, TAG, "not_modified"),
        # A resource that does not exist matches no tag, not even "*".
        ("GET", {"HTTP_IF_NONE_MATCH": "*"}, None, "proceed"),
        ("PATCH", {"HTTP_IF_NONE_MATCH": TAG}, TAG, "failed"),
        ("PUT", {"HTTP_IF_NONE_MATCH": "*"}, None, "proceed"),
        ("PATCH", {"HTTP_IF_MATCH": TAG}, TAG, "proceed"),
        ("PATCH", {"HTTP_IF_MATCH": '"stale"'}, TAG, "failed"),
        # If-Match compares strongly: a weak tag never matches.
        ("PATCH", {"HTTP_IF_MATCH": 'W/"abc"'}, TAG, "failed"),
        ("DELETE", {"HTTP_IF_MATCH": "*"}, TAG, "proceed"),
        ("DELETE", {"HTTP_IF_MATCH": "*"}, None, "failed"),
        # If-Match is evaluated first and decides alone when it fails.
        ("GET", {"HTTP_IF_MATCH": '"stale"', "HTTP_IF_NONE_MATCH": '"x"'}, TAG, "failed"),
        # No modification date: If-Unmodified-Since and If-Modified-Since are ignored.
        ("GET", {"HTTP_IF_UNMODIFIED_SINCE": "Sat, 01 Jan 2000 00:00:00 GMT"}, TAG, "proceed"),
        ("PATCH", {"HTTP_IF_UNMODIFIED_SINCE": "Sat, 01 Jan 2000 00:00:00 GMT"}, TAG, "proceed"),
        ("GET", {"HTTP_IF_MODIFIED_SINCE": "Sat, 01 Jan 2100 00:00:00 GMT"}, TAG, "proceed"),
    ],
)
def test_evaluate(method, headers, etag, outcome):
    assert evaluate(request(method, **headers), etag) == outcome
