"""statuscodes.api.exception_handler: DRF's exceptions as problem details."""

from __future__ import annotations

import json

import pytest
from rest_framework import exceptions as drf

from statuscodes.api.handlers import json_pointer, validation_errors

pytestmark = pytest.mark.django_db


def problem(response):
    assert response["Content-Type"] == "application/problem+json"
    return json.loads(response.content)


def test_http_error_in_a_drf_view_same_as_plain_with_either_handler(client):
    ours = client.get("/drf/")
    default = client.get("/drf/default-handler/")
    plain = client.get("/raise/405/")
    for response in (ours, default):
        assert response.status_code == 405
        assert response["Allow"] == "POST"
        body = problem(response)
        assert body["title"] == problem(plain)["title"]
        assert body["detail"] == problem(plain)["detail"]


def test_validation_errors_with_pointers(client):
    response = client.post(
        "/drf/validate/",
        {"name": "toolong", "tags": [1, "x"], "meta": {"a/b": None}},
        content_type="application/json",
    )
    assert response.status_code == 400
    body = problem(response)
    assert body["title"] == "Bad Request"
    assert body["status"] == 400
    assert body["detail"] == "The request has 3 validation errors."
    codes = {error["pointer"]: error["code"] for error in body["errors"]}
    assert codes == {"/name": "max_length", "/tags/1": "invalid", "/meta/a~1b": "null"}
    assert all(error["detail"] for error in body["errors"])


def test_a_missing_field_has_the_code_required(client):
    body = problem(client.post("/drf/validate/", {}, content_type="application/json"))
    assert body["errors"] == [
        {"detail": "This field is required.", "pointer": "/name", "code": "required"}
    ]


def test_non_field_errors_point_at_the_document(client):
    response = client.post("/drf/validate/", {"name": "bad"}, content_type="application/json")
    body = problem(response)
    assert body["errors"] == [
        {"detail": "This combination is not allowed.", "pointer": "", "code": "invalid"}
    ]


def test_validation_errors_in_russian(client):
    response = client.post(
        "/drf/validate/", {}, content_type="application/json", headers={"accept-language": "ru"}
    )
    body = problem(response)
    assert body["title"] == "Неверный запрос"
    assert body["detail"] == "В запросе 1 ошибка проверки."
    assert response["Content-Language"] == "ru"


def test_401_when_any_authenticator_offers_a_challenge(client):
    response = client.get("/drf/session-then-basic/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Basic realm="api"'
    assert problem(response)["status"] == 401


def test_403_when_no_authenticator_offers_a_challenge(client):
    response = client.get("/drf/session-only/")
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response
    assert problem(response)["status"] == 403


def test_throttled_keeps_retry_after(client):
    response = client.get("/drf/throttled/")
    assert response.status_code == 429
    assert response["Retry-After"] == "13"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("kind", "status", "detail"),
    [("not-found", 404, "Not found."), ("parse", 400, "Malformed JSON.")],
)
def test_api_exceptions(client, kind, status, detail):
    response = client.get(f"/drf/errors/{kind}/")
    assert response.status_code == status
    assert problem(response)["detail"] == detail


@pytest.mark.parametrize(("kind", "status"), [("django-404", 404), ("denied", 403)])
def test_django_exceptions_leak_nothing(client, kind, status):
    response = client.get(f"/drf/errors/{kind}/")
    assert response.status_code == status
    assert b"secret" not in response.content


def test_structured_detail_of_a_plain_api_exception(client):
    body = problem(client.get("/drf/errors/other/"))
    assert body["status"] == 500
    assert body["errors"] == [
        {"detail": "one", "pointer": "/a", "code": "error"},
        {"detail": "two", "pointer": "/b", "code": "error"},
    ]


def test_unexpected_errors_are_left_to_django(client):
    client.raise_request_exception = False
    response = client.get("/drf/errors/crash/")
    assert response.status_code == 500
    assert b"secret" not in response.content
    assert problem(response)["title"] == "Internal Server Error"


def test_json_pointer_escaping():
    assert json_pointer([]) == ""
    assert json_pointer(["a~b", "c/d", 0]) == "/a~0b/c~1d/0"


def test_validation_errors_shapes():
    # A plain string (no ErrorDetail) has DRF's default code.
    assert validation_errors("x") == [{"detail": "x", "pointer": "", "code": "invalid"}]
    assert validation_errors([{"a": ["e"]}, {}]) == [
        {"detail": "e", "pointer": "/0/a", "code": "invalid"}
    ]
    detail = drf.ValidationError({"a": ["e"]}, code="unique").detail
    assert validation_errors(detail) == [{"detail": "e", "pointer": "/a", "code": "unique"}]
