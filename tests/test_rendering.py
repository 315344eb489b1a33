"""Errors raised in views, as the client sees them: format, language, headers, body rules."""

from __future__ import annotations

import json
import logging

import pytest
from asgiref.sync import async_to_sync
from django.db import DatabaseError

from statuscodes import catalog
from statuscodes.models import StatusCodeTranslation

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def get(client, path, accept=None, language=None, **kwargs):
    headers = {}
    if accept is not None:
        headers["accept"] = accept
    if language is not None:
        headers["accept-language"] = language
    return client.get(path, headers=headers, **kwargs)


def problem(response):
    assert response["Content-Type"] == "application/problem+json"
    return json.loads(response.content)


class TestMethodNotAllowed:
    def test_status_headers_and_problem(self, client):
        response = get(client, "/raise/405/")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"
        assert response["Content-Language"] == "en"
        assert response["Vary"] == "Accept, Accept-Language, Cookie"
        body = problem(response)
        assert body == {
            "type": "http://testserver/status-codes/405/",
            "title": "Method Not Allowed",
            "status": 405,
            "detail": StatusCodeTranslation.objects.get(
                status_code__code=405, language="en"
            ).description,
            "instance": "/raise/405/",
        }

    @pytest.mark.urls("tests.urls_without_pages")
    def test_type_is_about_blank_without_the_pages(self, client):
        assert problem(get(client, "/raise/405/"))["type"] == "about:blank"
        html = get(client, "/raise/405/", accept="text/html").content.decode()
        assert "/status-codes/" not in html

    def test_html_links_the_reference_page(self, client):
        html = get(client, "/raise/405/", accept="text/html").content.decode()
        assert '<a href="http://testserver/status-codes/405/">About the 405 status</a>' in html

    def test_in_russian(self, client):
        response = get(client, "/raise/405/", language="ru")
        assert response["Content-Language"] == "ru"
        body = problem(response)
        assert body["title"] == "Метод не поддерживается"
        assert "Allow" in body["detail"]
        assert response["Allow"] == "GET, HEAD"


class TestNegotiation:
    @pytest.mark.parametrize(
        ("accept", "content_type"),
        [
            (None, "application/problem+json"),
            ("", "application/problem+json"),
            ("*/*", "application/problem+json"),
            ("application/json", "application/problem+json"),
            ("application/problem+json", "application/problem+json"),
            ("image/png", "application/problem+json"),
            (BROWSER_ACCEPT, "text/html; charset=utf-8"),
            ("text/html", "text/html; charset=utf-8"),
            ("text/plain", "text/plain; charset=utf-8"),
            ("text/*", "text/html; charset=utf-8"),
            ("text/html;q=0.1, text/plain;q=0.9", "text/plain; charset=utf-8"),
            ("application/json;q=0.5, text/plain", "text/plain; charset=utf-8"),
            ("text/plain;q=0.5, application/json", "application/problem+json"),
        ],
    )
    def test_format_by_accept(self, client, accept, content_type):
        response = get(client, "/raise/404/", accept=accept)
        assert response.status_code == 404
        assert response["Content-Type"] == content_type

    def test_html(self, client):
        response = get(client, "/raise/404/", accept="text/html", language="ru")
        html = response.content.decode()
        assert '<html lang="ru">' in html
        assert "<title>404 Не найдено</title>" in html
        assert response["Content-Language"] == "ru"

    def test_text(self, client):
        response = get(client, "/raise/404/", accept="text/plain")
        assert response.content.decode().startswith("404 Not Found\n\n")

    def test_per_status_template_override(self, client, settings, tmp_path):
        (tmp_path / "statuscodes" / "errors").mkdir(parents=True)
        (tmp_path / "statuscodes" / "errors" / "410.html").write_text("Gone: {{ title }}")
        settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
        assert get(client, "/class-based/", accept="text/html").content == b"Gone: Gone"
        assert b"<!DOCTYPE html>" in get(client, "/raise/404/", accept="text/html").content


class TestLanguage:
    def test_regional_tag(self, client):
        response = get(client, "/raise/404/", language="ru-RU,ru;q=0.9")
        assert problem(response)["title"] == "Не найдено"
        assert response["Content-Language"] == "ru"

    def test_unsupported_language_gets_english(self, client):
        response = get(client, "/raise/404/", language="de")
        assert problem(response)["title"] == "Not Found"
        assert response["Content-Language"] == "en"

    def test_served_language_is_announced_after_fallback(self, client):
        StatusCodeTranslation.objects.filter(status_code__code=404, language="en").delete()
        response = get(client, "/raise/404/", language="en")
        assert problem(response)["title"] == "Не найдено"
        assert response["Content-Language"] == "ru"


class TestDetail:
    def test_caller_detail(self, client):
        body = problem(get(client, "/raise/404/?detail=No+such+article"))
        assert body["detail"] == "No such article"

    def test_caller_text_is_escaped_in_html(self, client):
        html = get(client, "/detail/", accept="text/html").content.decode()
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; «конфликт» &amp; co" in html

    def test_caller_text_is_kept_in_json(self, client):
        assert problem(get(client, "/detail/"))["detail"].startswith("<script>")


class TestHeaders:
    @pytest.mark.parametrize("code", [428, 431, 511])
    def test_no_store(self, client, code):
        client.raise_request_exception = False  # a raised 5xx is signalled, as Django does
        assert get(client, f"/raise/{code}/")["Cache-Control"] == "no-store"

    def test_retry_after_and_no_store(self, client):
        response = get(client, "/raise/429/?retry_after=0")
        assert response["Retry-After"] == "0"
        assert response["Cache-Control"] == "no-store"

    def test_redirect(self, client):
        response = get(client, "/raise/303/?location=/done/", accept="text/html")
        assert response.status_code == 303
        assert response["Location"] == "/done/"
        assert '<a href="/done/">/done/</a>' in response.content.decode()

    def test_unauthorized(self, client):
        response = get(client, "/raise/401/?www_authenticate=Basic+realm%3Dx")
        assert response["WWW-Authenticate"] == "Basic realm=x"

    def test_hop_by_hop_headers_are_sent_under_asgi(self, async_client):
        response = async_to_sync(async_client.get)("/raise/426/?upgrade=HTTP/2")
        assert (response["Upgrade"], response["Connection"]) == ("HTTP/2", "upgrade")
        response = async_to_sync(async_client.get)(
            "/raise/407/?proxy_authenticate=Basic+realm%3Dproxy"
        )
        assert response["Proxy-Authenticate"] == "Basic realm=proxy"

    def test_hop_by_hop_headers_are_dropped_under_wsgi(self, client, settings, caplog):
        settings.DEBUG = True
        with caplog.at_level(logging.WARNING, logger="statuscodes"):
            response = get(client, "/raise/426/?upgrade=HTTP/2")
        assert response.status_code == 426
        assert "Upgrade" not in response
        assert "Connection" not in response
        assert "Dropped the Upgrade header of a 426 response" in caplog.text
        assert "lacks" not in caplog.text

    def test_range(self, client):
        assert get(client, "/raise/416/?length=500")["Content-Range"] == "bytes */500"

    def test_custom_code(self, client):
        client.raise_request_exception = False  # a raised 5xx is signalled, as Django does
        response = get(client, "/raise/599/")
        assert response.status_code == 599
        assert problem(response)["title"] == "Server Error"

    def test_custom_code_from_the_database(self, client):
        from statuscodes.models import StatusCode

        code = StatusCode.objects.create(code=599, phrase="Our Own")
        StatusCodeTranslation.objects.create(status_code=code, language="en", title="Our own")
        client.raise_request_exception = False  # a raised 5xx is signalled, as Django does
        assert problem(get(client, "/raise/599/"))["title"] == "Our own"


class TestViews:
    def test_class_based(self, client):
        assert get(client, "/class-based/").status_code == 410

    def test_async(self, async_client):
        response = async_to_sync(async_client.get)("/async/", headers={"accept-language": "ru"})
        assert response.status_code == 429
        assert response["Retry-After"] == "30"
        assert response["Content-Language"] == "ru"

    def test_async_ok(self, async_client):
        response = async_to_sync(async_client.get)("/async-ok/")
        assert response.content == b"async hello"

    def test_drf_view_same_as_plain(self, client):
        drf = get(client, "/drf/")
        plain = get(client, "/raise/405/")
        assert drf.status_code == 405
        assert drf["Allow"] == "POST"
        assert drf["Content-Type"] == plain["Content-Type"]
        assert problem(drf)["title"] == problem(plain)["title"]


class TestHandlers:
    def test_unhandled_error_leaks_nothing(self, client):
        client.raise_request_exception = False
        for accept in (None, "text/html", "text/plain"):
            response = get(client, "/crash/", accept=accept)
            assert response.status_code == 500
            assert b"hunter2" not in response.content
            assert b"secret" not in response.content
            assert b"Traceback" not in response.content

    def test_unhandled_error_is_a_plain_500_problem_with_debug_off(self, client, settings):
        settings.DEBUG_PROPAGATE_EXCEPTIONS = False
        client.raise_request_exception = False
        response = get(client, "/crash/")
        assert response.status_code == 500
        assert problem(response)["title"] == "Internal Server Error"

    def test_404(self, client):
        response = get(client, "/not-found/", language="ru")
        assert problem(response)["title"] == "Не найдено"
        assert b"secret" not in response.content

    def test_unknown_url(self, client):
        response = get(client, "/no/such/page/", accept="text/html")
        assert response.status_code == 404
        assert "<title>404 Not Found</title>" in response.content.decode()

    def test_403(self, client):
        response = get(client, "/denied/")
        assert response.status_code == 403
        assert b"internal reason" not in response.content

    def test_400(self, client):
        client.raise_request_exception = False
        response = get(client, "/suspicious/")
        assert response.status_code == 400
        assert b"attack" not in response.content


class TestCatalogCost:
    def test_one_query_once_warm(self, client, django_assert_num_queries):
        get(client, "/raise/405/")
        with django_assert_num_queries(1):
            get(client, "/raise/405/", language="ru")

    def test_an_edit_is_seen_on_the_next_error(self, client):
        assert problem(get(client, "/raise/404/", language="ru"))["title"] == "Не найдено"
        text = StatusCodeTranslation.objects.get(status_code__code=404, language="ru")
        text.title = "Страница не найдена"
        text.save()
        assert problem(get(client, "/raise/404/", language="ru"))["title"] == "Страница не найдена"

    def test_a_delete_is_seen_on_the_next_error(self, client):
        get(client, "/raise/404/", language="ru")
        StatusCodeTranslation.objects.filter(status_code__code=404, language="ru").delete()
        assert problem(get(client, "/raise/404/", language="ru"))["title"] == "Not Found"

    def test_database_outage_falls_back_to_shipped_texts(self, client, monkeypatch):
        def broken():
            raise DatabaseError("down")

        monkeypatch.setattr(catalog, "get_catalog", broken)
        response = get(client, "/raise/404/", language="ru")
        assert problem(response)["title"] == "Не найдено"


class TestDebugWarnings:
    @pytest.mark.parametrize(
        ("path", "status", "header", "section"),
        [
            ("/hand-made-405/", 405, "Allow", "RFC 9110 §15.5.6"),
            ("/hand-made-401/", 401, "WWW-Authenticate", "RFC 9110 §15.5.2"),
        ],
    )
    @pytest.mark.statuscodes_lax(reason="the view leaves out the header the warning is about")
    def test_missing_required_header_is_logged(
        self, client, settings, caplog, path, status, header, section
    ):
        settings.DEBUG = True
        with caplog.at_level(logging.WARNING, logger="statuscodes"):
            get(client, path)
        assert (
            f"A {status} response lacks the {header} header that {section} requires." in caplog.text
        )

    @pytest.mark.statuscodes_lax(reason="the view leaves out Allow: no warning outside DEBUG")
    def test_silent_outside_debug(self, client, caplog):
        with caplog.at_level(logging.WARNING, logger="statuscodes"):
            get(client, "/hand-made-405/")
        assert "lacks" not in caplog.text

    def test_silent_when_the_header_is_there(self, client, settings, caplog):
        settings.DEBUG = True
        with caplog.at_level(logging.WARNING, logger="statuscodes"):
            get(client, "/raise/405/")
        assert "lacks" not in caplog.text


def test_html_strings_follow_the_served_language(client):
    response = get(client, "/raise/307/?location=/next/", accept="text/html", language="ru")
    assert "Ресурс находится по адресу" in response.content.decode()
    response = get(client, "/raise/307/?location=/next/", accept="text/html", language="en")
    assert "The resource is at" in response.content.decode()


def test_a_code_the_database_lacks_has_no_reference_page(client):
    client.raise_request_exception = False  # a raised 5xx is signalled, as Django does
    body = problem(get(client, "/raise/599/"))
    assert body["type"] == "about:blank"
    assert problem(get(client, "/raise/404/"))["type"] == "http://testserver/status-codes/404/"
