"""Conditional requests by entity tag, as RFC 9110 §13.2.2 orders them."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from statuscodes.caching import Metadata, add_vary, evaluate, parse_tags
from statuscodes.exceptions import PreconditionFailed

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


class TestMetadata:
    """The one helper: what a 200 and its 304 carry, for pages, API reads and errors alike."""

    META = Metadata('"v1"', "max-age=60", "ru", ("Accept-Language", "Cookie"))

    def test_a_representation_gets_every_field(self):
        response = self.META.apply(HttpResponse(b"x"))
        assert response["ETag"] == '"v1"'
        assert response["Cache-Control"] == "max-age=60"
        assert response["Content-Language"] == "ru"
        assert response["Vary"] == "Accept-Language, Cookie"

    def test_a_304_carries_the_validators_of_the_200_and_no_other_metadata(self):
        response = self.META.answer(request(HTTP_IF_NONE_MATCH='W/"v1"'))
        assert response.status_code == 304
        assert response["ETag"] == '"v1"'
        assert response["Cache-Control"] == "max-age=60"
        assert response["Vary"] == "Accept-Language, Cookie"
        assert "Content-Language" not in response  # RFC 9110 §15.4.5: SHOULD NOT
        assert response.content == b""

    def test_no_precondition_sends_the_representation(self):
        assert self.META.answer(request()) is None
        assert self.META.answer(request(HTTP_IF_MATCH='"v1"')) is None

    def test_a_failed_precondition_raises_412(self):
        with pytest.raises(PreconditionFailed):
            self.META.answer(request(HTTP_IF_MATCH='"v0"'))
        with pytest.raises(PreconditionFailed):
            self.META.answer(request("PUT", HTTP_IF_NONE_MATCH="*"))

    def test_vary_is_added_to_what_the_response_names(self):
        response = HttpResponse()
        response["Vary"] = "Origin"
        add_vary(response, ["Accept", "origin"])
        assert response["Vary"] == "Origin, Accept"

    def test_nothing_to_say_changes_nothing(self):
        response = Metadata().apply(HttpResponse())
        assert {"ETag", "Cache-Control", "Content-Language", "Vary"}.isdisjoint(response.headers)


@pytest.mark.django_db
class TestEveryUserOfTheHelper:
    """Pages, API reads and errors send the same fields, and the same 304 shape."""

    @pytest.mark.parametrize("url", ["/status-codes/404/", "/api/status-codes/404/"])
    def test_304_has_no_content_language(self, client, url):
        tag = client.get(url)["ETag"]
        response = client.get(url, headers={"if-none-match": tag})
        assert response.status_code == 304
        assert "Content-Language" not in response
        assert response["ETag"] == tag
        assert "Cache-Control" in response
        assert "Accept-Language" in response["Vary"]

    def test_a_page_says_its_language(self, client):
        response = client.get("/status-codes/404/", headers={"accept-language": "ru"})
        assert response["Content-Language"] == "ru"
