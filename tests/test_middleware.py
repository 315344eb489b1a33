"""The middleware's response pass: framing for HEAD, 1xx, 204, 205 and 304, whoever built it."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.middleware.common import CommonMiddleware
from django.test import RequestFactory

from statuscodes.middleware import StatusCodeMiddleware

factory = RequestFactory()


def through(response, method="GET", *, common=False):
    """Run ``response`` through the stack as a host would: ours above CommonMiddleware."""

    def inner(request):
        return response

    view = CommonMiddleware(inner) if common else inner
    return StatusCodeMiddleware(view)(getattr(factory, method.lower())("/"))


@pytest.mark.parametrize("status", [204, 304])
def test_no_content_and_no_length(status):
    response = through(HttpResponse(b"body", status=status), common=True)
    assert response.content == b""
    assert "Content-Length" not in response
    assert "Content-Type" not in response


def test_205_has_no_content_and_a_zero_length():
    response = through(HttpResponse(b"body", status=205), common=True)
    assert response.content == b""
    assert response["Content-Length"] == "0"


def test_streaming_204():
    response = through(StreamingHttpResponse(iter([b"a"]), status=204))
    assert b"".join(response.streaming_content) == b""


def test_head_keeps_the_length_of_the_get():
    response = through(HttpResponse(b"hello"), method="HEAD")
    assert response.content == b""
    assert response["Content-Length"] == "5"
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_head_keeps_a_length_set_before():
    response = through(HttpResponse(b"hello"), method="HEAD", common=True)
    assert (response.content, response["Content-Length"]) == (b"", "5")


@pytest.mark.django_db
def test_head_streaming(tmp_path):
    path = tmp_path / "f.txt"
    path.write_bytes(b"12345678")
    response = through(FileResponse(path.open("rb")), method="HEAD")
    assert b"".join(response.streaming_content) == b""
    assert response["Content-Length"] == "8"
    response.close()


def test_ordinary_responses_are_untouched():
    response = through(HttpResponse(b"hello", status=200))
    assert response.content == b"hello"
    assert "Content-Length" not in response


def test_async_mode():
    async def inner(request):
        return HttpResponse(b"body", status=204)

    middleware = StatusCodeMiddleware(inner)
    response = async_to_sync(middleware)(factory.get("/"))
    assert response.content == b""


def test_process_exception_ignores_other_exceptions():
    middleware = StatusCodeMiddleware(lambda request: HttpResponse())
    assert middleware.process_exception(factory.get("/"), ValueError("x")) is None


@pytest.mark.parametrize("status", [428, 429, 431, 511])
def test_hand_made_responses_that_caches_must_not_store(status):
    assert through(HttpResponse(status=status))["Cache-Control"] == "no-store"


def test_no_store_leaves_an_explicit_cache_control():
    response = HttpResponse(status=429)
    response["Cache-Control"] = "private, no-store"
    assert through(response)["Cache-Control"] == "private, no-store"
