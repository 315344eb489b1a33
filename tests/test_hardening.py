"""Regression tests of the hardening round: each was found by an outside tool or an attack."""

from __future__ import annotations

import json
import logging

import pytest
from django.db import OperationalError
from django.test import override_settings

from statuscodes import catalog, dataset
from statuscodes import exceptions as exc
from statuscodes.models import StatusCode

pytestmark = pytest.mark.django_db


def problem(response):
    assert response["Content-Type"] == "application/problem+json"
    return json.loads(response.content)


class TestOpenRedirect:
    @pytest.mark.parametrize(
        "url",
        ["///evil.example", "////evil.example/x", "//", "///", "/////", "//?x", "//#x"],
    )
    def test_two_or_more_leading_slashes_are_refused(self, url):
        with pytest.raises(ValueError, match="location"):
            exc.Found(location=url)

    @pytest.mark.parametrize("url", ["///evil.example", "//", "////evil.example/x"])
    def test_refused_even_when_external_redirects_are_allowed(self, url):
        with pytest.raises(ValueError, match="location"):
            exc.Found(location=url, allow_external=True)

    def test_a_protocol_relative_url_of_an_allowed_host_is_checked_as_absolute(self):
        assert exc.Found(location="//testserver/x").headers["Location"] == "//testserver/x"
        with pytest.raises(ValueError, match="outside this site"):
            exc.Found(location="//evil.example/x")

    @pytest.mark.parametrize(
        "url", ["https://testserver:0/", "https://testserver:65536/", "http://testserver:99999/"]
    )
    def test_ports_outside_1_to_65535_are_refused(self, url):
        with pytest.raises(ValueError, match="port"):
            exc.Found(location=url)
        with pytest.raises(ValueError, match="port"):
            exc.Found(location=url, allow_external=True)

    def test_ports_in_range_pass(self):
        assert exc.Found(location="https://testserver:65535/").headers["Location"]
        assert exc.Found(location="https://testserver:1/").headers["Location"]

    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "ftp://authority.example/",
            "mailto:x@authority.example",
            "/relative/",
            "//authority.example/",
            "https://authority.example:0/",
            "https://authority.example:70000/",
            "https:///no-host",
        ],
    )
    def test_blocked_by_takes_only_http_urls(self, url):
        with pytest.raises(ValueError, match="blocked_by"):
            exc.UnavailableForLegalReasons(blocked_by=url)


class TestUnknownHost:
    """DEBUG off, a Host outside ALLOWED_HOSTS: a 400 problem on every URL, never a 500."""

    @pytest.mark.parametrize(
        "path",
        ["/raise/405/", "/not-found/", "/crash-free-unknown/", "/status-codes/",
         "/status-codes/404/", "/api/status-codes/", "/api/status-codes/404/", "/admin/"],
    )  # fmt: skip
    def test_every_url_is_a_400_problem(self, client, path, caplog):
        response = client.get(path, HTTP_HOST="evil.example")
        assert response.status_code == 400
        body = problem(response)
        assert body["status"] == 400
        # Relative: the host the request named cannot be trusted to build an absolute URL.
        assert body["type"] == "/status-codes/400/"
        assert "evil.example" not in response.content.decode()

    def test_html_too(self, client):
        response = client.get("/status-codes/", HTTP_HOST="evil.example", HTTP_ACCEPT="text/html")
        assert response.status_code == 400
        assert b'href="/status-codes/400/"' in response.content

    @override_settings(ALLOWED_HOSTS=["testserver"])
    def test_a_bad_host_on_the_500_path(self, client):
        from django.test import RequestFactory

        from statuscodes.views import server_error

        request = RequestFactory().get("/", HTTP_HOST="evil.example")
        response = server_error(request)
        assert response.status_code == 500
        assert problem(response)["type"] == "/status-codes/500/"


class TestConstruction:
    def test_a_lone_surrogate_in_detail_is_refused(self):
        with pytest.raises(ValueError, match="surrogate"):
            exc.Conflict("broken \ud800 text")

    @pytest.mark.parametrize(
        "name", ["Content-Type", "content-type", "Content-Encoding", "Content-Language"]
    )
    def test_the_renderer_owns_the_representation_headers(self, name):
        with pytest.raises(ValueError, match=name):
            exc.Conflict(headers={name: "text/html"})

    @pytest.mark.parametrize("status", [304, 305, 306])
    def test_statuses_a_view_must_not_raise(self, status):
        with pytest.raises(ValueError, match=str(status)):
            exc.abort(status)
        with pytest.raises(ValueError, match=str(status)):
            exc.HttpError(status=status)


class TestResponses:
    def test_error_responses_are_nosniff(self, client):
        assert client.get("/raise/405/")["X-Content-Type-Options"] == "nosniff"
        assert client.get("/not-found/")["X-Content-Type-Options"] == "nosniff"

    def test_error_bodies_vary_on_the_language_cookie(self, client):
        client.cookies["django_language"] = "ru"
        response = client.get("/raise/405/")
        assert response["Content-Language"] == "ru"
        assert "Cookie" in [v.strip() for v in response["Vary"].split(",")]

    @pytest.mark.parametrize(
        ("code", "phrase"),
        [
            (413, "Content Too Large"),
            (422, "Unprocessable Content"),
            (416, "Range Not Satisfiable"),
        ],
    )
    def test_the_status_line_carries_the_registry_phrase(self, client, code, phrase):
        assert (
            client.get(f"/raise/{code}/", {"length": 5} if code == 416 else {}).reason_phrase
            == phrase
        )

    def test_an_unofficial_code_has_its_phrase(self, client):
        phrase = StatusCode.objects.get(code=499).phrase
        assert client.get("/raise/499/").reason_phrase == phrase

    def test_hand_made_responses_get_the_registry_phrase(self, client):
        response = client.get("/hand-made-422/")
        assert response.reason_phrase == "Unprocessable Content"

    def test_a_phrase_the_view_set_is_kept(self, client):
        assert client.get("/custom-phrase/").reason_phrase == "Custom Words"

    def test_a_code_no_one_knows(self, client):
        client.raise_request_exception = False  # a raised 5xx is signalled, as Django does
        client.cookies["django_language"] = "ru"
        response = client.get("/raise/599/")
        assert response.status_code == 599
        assert response["Content-Language"] == "en"
        body = problem(response)
        assert body["title"] == "Server Error"
        assert "detail" not in body  # no empty member
        assert body["type"] == "about:blank"

    def test_a_deleted_registry_code_falls_back_to_the_shipped_texts(self, client):
        StatusCode.objects.filter(code=409).delete()
        client.cookies["django_language"] = "ru"
        response = client.get("/raise/409/")
        assert response["Content-Language"] == "ru"
        assert response.reason_phrase == "Conflict"
        body = problem(response)
        assert body["title"] == dataset.shipped_texts("ru")[409]["title"]
        assert body["detail"] == dataset.shipped_texts("ru")[409]["description"]

    def test_a_final_1xx_from_a_view_is_refused(self, client, caplog):
        with caplog.at_level(logging.ERROR, logger="statuscodes"):
            response = client.get("/informational/")
        assert response.status_code == 500
        assert problem(response)["status"] == 500
        assert "103" in caplog.text

    def test_a_body_over_the_upload_limit_is_413(self, client):
        with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10):
            response = client.post("/read-body/", data="x" * 100, content_type="text/plain")
        assert response.status_code == 413
        assert problem(response)["status"] == 413

    def test_too_many_fields_stays_400(self, client):
        with override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=2):
            response = client.post("/read-body/", data="a=1&b=2&c=3",
                                   content_type="application/x-www-form-urlencoded")  # fmt: skip
        assert response.status_code == 400


class TestDebug:
    """What reaches a body with DEBUG on, as the README says."""

    @override_settings(DEBUG=True)
    def test_raised_statuses_never_show_a_traceback(self, client):
        response = client.get("/raise/409/", HTTP_ACCEPT="text/html")
        assert response.status_code == 409
        assert b"Traceback" not in response.content
        assert b"raise_status" not in response.content

    @override_settings(DEBUG=True)
    def test_an_unexpected_error_shows_django_s_debug_page(self, client):
        client.raise_request_exception = False
        response = client.get("/crash/", HTTP_ACCEPT="text/html")
        assert response.status_code == 500
        assert b"Traceback" in response.content  # Django's technical page, for the developer

    def test_with_debug_off_no_traceback_or_exception_text(self, client):
        client.raise_request_exception = False
        response = client.get("/crash/", HTTP_ACCEPT="text/html")
        assert response.status_code == 500
        assert b"Traceback" not in response.content
        assert b"hunter2" not in response.content


class TestPagesConditional:
    def test_if_unmodified_since_is_ignored(self, client):
        response = client.get(
            "/status-codes/404/", HTTP_IF_UNMODIFIED_SINCE="Sat, 01 Jan 2000 00:00:00 GMT"
        )
        assert response.status_code == 200

    def test_a_failed_if_match_is_a_412_that_is_not_cached(self, client):
        response = client.get("/status-codes/404/", HTTP_IF_MATCH='"stale"')
        assert response.status_code == 412
        assert "max-age" not in response.get("Cache-Control", "")

    def test_if_none_match_star_on_a_missing_code_is_404(self, client):
        assert client.get("/status-codes/299/", HTTP_IF_NONE_MATCH="*").status_code == 404

    def test_if_none_match_still_gives_304(self, client):
        etag = client.get("/status-codes/404/")["ETag"]
        response = client.get("/status-codes/404/", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        assert response["ETag"] == etag


class TestOutage:
    def test_pages_answer_503_with_retry_after(self, client, monkeypatch):
        def down(*args, **kwargs):
            raise OperationalError("connection refused")

        monkeypatch.setattr(catalog, "data_version", down)
        for path in ("/status-codes/", "/status-codes/404/"):
            response = client.get(path)
            assert response.status_code == 503
            assert response["Retry-After"]
            assert problem(response)["status"] == 503
