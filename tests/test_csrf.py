"""CSRF_FAILURE_VIEW = "statuscodes.views.csrf_failure": a refused form post is a 403 problem."""

from __future__ import annotations

import json

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from statuscodes.views import csrf_failure

pytestmark = pytest.mark.django_db

REFUSED = "The request was refused: its CSRF check failed."
REFUSED_RU = "Запрос отклонён: он не прошёл проверку CSRF."
NO_COOKIE = "CSRF cookie not set."


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def post(client, accept=None, language=None, **kwargs):
    headers = {}
    if accept:
        headers["accept"] = accept
    if language:
        headers["accept-language"] = language
    return client.post("/csrf-protected/", {"a": "1"}, headers=headers, **kwargs)


def test_a_403_problem_without_the_reason(csrf_client):
    response = post(csrf_client)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response["Vary"] == "Accept, Accept-Language, Cookie"
    body = json.loads(response.content)
    assert body["status"] == 403
    assert body["title"] == "Forbidden"
    assert body["detail"] == REFUSED
    assert body["instance"] == "/csrf-protected/"
    assert b"cookie" not in response.content.lower()


def test_the_reason_is_shown_in_debug(csrf_client, settings):
    settings.DEBUG = True
    body = json.loads(post(csrf_client).content)
    assert body["detail"] == f"The request was refused: its CSRF check failed ({NO_COOKIE})"


def test_in_russian(csrf_client):
    response = post(csrf_client, language="ru")
    assert response["Content-Language"] == "ru"
    body = json.loads(response.content)
    assert body["title"] == "Доступ запрещён"
    assert body["detail"] == REFUSED_RU


@pytest.mark.parametrize(
    ("accept", "content_type", "debug"),
    [("text/html", "text/html; charset=utf-8", False), ("text/plain", "text/plain; charset=utf-8", False),
     ("text/html", "text/html; charset=utf-8", True), ("text/plain", "text/plain; charset=utf-8", True)],
)  # fmt: skip
def test_html_and_text(csrf_client, settings, accept, content_type, debug):
    settings.DEBUG = debug
    response = post(csrf_client, accept=accept, language="ru")
    assert response.status_code == 403
    assert response["Content-Type"] == content_type
    text = response.content.decode()
    assert "Доступ запрещён" in text
    assert "Запрос отклонён: он не прошёл проверку CSRF" in text
    assert (NO_COOKIE in text) is debug


def test_a_valid_token_passes(csrf_client):
    request = RequestFactory().get("/")
    token = get_token(request)
    csrf_client.cookies["csrftoken"] = request.META["CSRF_COOKIE"]
    response = post(csrf_client, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response.content == b"accepted"


def test_the_view_alone():
    response = csrf_failure(RequestFactory().post("/"), reason="Referer checking failed.")
    assert response.status_code == 403
    assert json.loads(response.content)["detail"] == REFUSED
