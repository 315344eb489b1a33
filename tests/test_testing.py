"""The test helpers (statuscodes.testing) and the strict-mode pytest plugin."""

from __future__ import annotations

import json
import textwrap
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from statuscodes import pytest_plugin
from statuscodes.testing import assert_problem, check_response

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
factory = RequestFactory()


def problem_response(members=None, *, status=409, content_type="application/problem+json"):
    body = {"type": "about:blank", "title": "Conflict", "status": status}
    body.update(members or {})
    return HttpResponse(json.dumps(body), status=status, content_type=content_type)


def asgi_request():
    scope = {"type": "http", "method": "GET", "path": "/", "headers": [], "query_string": b""}
    return ASGIRequest(scope, None)


class TestCheckResponse:
    def test_a_correct_response_has_no_problems(self):
        assert check_response(HttpResponse("hello")) == []

    def test_a_final_1xx(self):
        response = HttpResponse(status=103)
        del response["Content-Type"]
        assert check_response(response) == [
            "103 is an interim status (RFC 9110 §15.2), not a final response: "
            "the client would wait for another"
        ]

    @pytest.mark.parametrize(
        ("status", "header", "section"),
        [
            (405, "Allow", "RFC 9110 §15.5.6"),
            (401, "WWW-Authenticate", "RFC 9110 §15.5.2"),
            (206, "Content-Range", "RFC 9110 §15.3.7.1"),
        ],
    )
    def test_a_missing_required_header(self, status, header, section):
        problems = check_response(HttpResponse("x", status=status))
        assert problems == [
            f"{status} without the {header} header, which {section} requires (MUST)"
        ]
        present = HttpResponse("x", status=status, headers={header: "x"})
        assert check_response(present) == []

    def test_several_missing_headers_are_all_listed(self):
        problems = check_response(HttpResponse("x", status=426))
        assert [problem.split(" header")[0] for problem in problems] == [
            "426 without the Upgrade",
            "426 without the Connection",
        ]

    def test_the_rule_that_a_content_type_waives(self):
        response = HttpResponse("x", status=206, content_type="multipart/byteranges; boundary=b")
        assert check_response(response) == []

    def test_only_what_the_application_must_send(self):
        # A 304's validators depend on the 200, Date is the server's, Retry-After is a MAY.
        response = HttpResponse(status=304)
        del response["Content-Type"]
        assert check_response(response) == []
        assert check_response(HttpResponse("x", status=503)) == []

    def test_ignore(self):
        assert check_response(HttpResponse("x", status=405), ignore=["allow"]) == []

    def test_hop_by_hop_headers_are_not_expected_under_wsgi(self):
        response = HttpResponse("x", status=407)
        assert check_response(response, request=factory.get("/")) == []
        assert len(check_response(response, request=asgi_request())) == 1
        assert len(check_response(response)) == 1

    def test_the_request_the_test_client_attaches(self):
        response = HttpResponse("x", status=407)
        response.wsgi_request = factory.get("/")
        assert check_response(response) == []
        response = HttpResponse("x")
        response.asgi_request = ASGIRequest(
            {"type": "http", "method": "HEAD", "path": "/", "headers": [], "query_string": b""},
            None,
        )
        assert len(check_response(response)) == 1

    @pytest.mark.parametrize(
        ("status", "section"),
        [(204, "RFC 9110 §15.3.5"), (205, "RFC 9110 §15.3.6"), (304, "RFC 9110 §15.4.5")],
    )
    def test_content_where_none_is_allowed(self, status, section):
        response = HttpResponse(b"body", status=status)
        del response["Content-Type"]
        assert check_response(response) == [
            f"{status} with 4 bytes of content, which {section} forbids"
        ]

    def test_content_of_a_1xx(self):
        response = HttpResponse(b"body", status=100)
        assert "100 with 4 bytes of content, which RFC 9110 §15.2 forbids" in check_response(
            response
        )

    def test_a_streaming_response_is_not_consumed(self):
        response = StreamingHttpResponse(iter([b"a"]), status=204)
        del response["Content-Type"]
        assert check_response(response) == []
        assert b"".join(response.streaming_content) == b"a"

    def test_a_body_for_head(self):
        problems = check_response(HttpResponse(b"hello"), request=factory.head("/"))
        assert problems == [
            "response to HEAD with 5 bytes of content (RFC 9110 §9.3.2): "
            "it must be the GET's headers without the body"
        ]
        empty = HttpResponse(headers={"Content-Length": "5"})
        assert check_response(empty, request=factory.head("/")) == []

    @pytest.mark.parametrize("status", [100, 204, 304])
    def test_content_length_where_it_is_forbidden(self, status):
        response = HttpResponse(status=status, headers={"Content-Length": "0"})
        del response["Content-Type"]
        why = (
            "allows only the 200's length, unknown here: leave it out"
            if status == 304
            else "forbids"
        )
        assert f"{status} with Content-Length: 0, which RFC 9110 §8.6 {why}" in check_response(
            response
        )
        del response["Content-Length"]
        assert len(check_response(response)) == (1 if status == 100 else 0)

    def test_a_205_announcing_content(self):
        response = HttpResponse(status=205, headers={"Content-Length": "5"})
        del response["Content-Type"]
        assert check_response(response) == [
            "205 with Content-Length: 5; RFC 9110 §15.3.6 allows only 0 (or none)"
        ]
        response["Content-Length"] = "0"
        assert check_response(response) == []

    @pytest.mark.parametrize("status", [200, 404, 500])
    def test_content_without_a_content_type(self, status):
        response = HttpResponse(b"body", status=status)
        del response["Content-Type"]
        assert check_response(response) == [
            f"{status} with 4 bytes of content but no Content-Type (RFC 9110 §8.3)"
        ]

    def test_no_content_needs_no_content_type(self):
        response = HttpResponse(status=200)
        del response["Content-Type"]
        assert check_response(response) == []

    def test_representation_metadata_on_a_304(self):
        response = HttpResponse(status=304, headers={"Content-Language": "en"})
        assert check_response(response) == [
            "304 with Content-Type, which RFC 9110 §15.4.5 says it should not carry",
            "304 with Content-Language, which RFC 9110 §15.4.5 says it should not carry",
        ]

    @pytest.mark.parametrize("status", [428, 429, 431, 511])
    def test_no_store(self, status):
        assert check_response(HttpResponse("x", status=status)) == [
            f"{status} without Cache-Control: no-store, which {_no_store_section(status)} requires"
        ]
        stored = HttpResponse("x", status=status, headers={"Cache-Control": "private, NO-STORE"})
        assert check_response(stored) == []
        similar = HttpResponse("x", status=status, headers={"Cache-Control": "no-store-ish"})
        assert len(check_response(similar)) == 1


def _no_store_section(status):
    return {428: "RFC 6585 §3", 429: "RFC 6585 §4", 431: "RFC 6585 §5", 511: "RFC 6585 §6"}[status]


def failure(response, *args, **kwargs):
    with pytest.raises(AssertionError) as raised:
        assert_problem(response, *args, **kwargs)
    lines = str(raised.value).splitlines()
    assert lines[0] == f"The {response.status_code} response is not the problem expected:"
    return [line.removeprefix("- ") for line in lines[1:]]


@pytest.mark.django_db
class TestAssertProblem:
    def test_a_problem_of_the_app(self, client):
        response = client.get("/raise/405/", headers={"accept-language": "ru"})
        members = assert_problem(
            response,
            405,
            type=405,
            title="Метод не поддерживается",
            headers={"Allow": "GET, HEAD", "Vary": ..., "X-Content-Type-Options": True},
            language="ru",
        )
        assert members["instance"] == "/raise/405/"

    def test_the_ways_to_name_a_type(self, client):
        response = client.get("/raise/404/")
        for expected in (404, "/status-codes/404/", "http://testserver/status-codes/404/"):
            assert_problem(response, 404, type=expected)
        assert failure(response, type=410) == [
            "'type' 'http://testserver/status-codes/404/', expected '/status-codes/410/' (from 410)"
        ]
        # A full URI is matched exactly, host and all.
        assert len(failure(response, type="https://example.com/status-codes/404/")) == 1

    def test_a_problem_type_of_the_host(self, client):
        response = client.get("/shop/buy/")
        assert_problem(
            response,
            409,
            type="out-of-stock",
            title="Out of stock",
            detail="This item is out of stock.",
            extensions={"sku": "A-1", "available": ...},
        )
        assert failure(response, type="quota-exceeded") == [
            "'type' 'http://testserver/status-codes/problems/out-of-stock/', expected "
            "'/status-codes/problems/quota-exceeded/' (from 'quota-exceeded')"
        ]

    @pytest.mark.urls("tests.urls_without_pages")
    def test_types_without_the_pages(self, client):
        assert_problem(client.get("/raise/404/"), 404, type=404)
        assert_problem(client.get("/raise/404/"), 404, type="about:blank")
        response = client.get("/shop/buy/")
        assert_problem(response, 409, type="out-of-stock")
        assert_problem(response, type="tag:django-statuscodes.invalid,2026:problems/out-of-stock")

    def test_the_protocol_rules_of_the_status(self):
        assert failure(problem_response(status=405)) == [
            "405 without the Allow header, which RFC 9110 §15.5.6 requires (MUST)"
        ]

    def test_every_expectation_is_reported_at_once(self):
        response = problem_response({"detail": "Edited meanwhile.", "sku": "A-1"})
        response["Retry-After"] = "5"
        problems = failure(
            response,
            410,
            type="/status-codes/409/",
            title="Gone",
            detail="Other.",
            headers={"X-Request-ID": ..., "Retry-After": False, "Cache-Control": "no-cache"},
            extensions={"sku": "B-2", "available": 0},
            language="en",
        )
        assert problems == [
            "status 409, expected 410",
            "'type' 'about:blank', expected '/status-codes/409/' (from '/status-codes/409/')",
            "'title' 'Conflict', expected 'Gone'",
            "'detail' 'Edited meanwhile.', expected 'Other.'",
            "'sku' 'A-1', expected 'B-2'",
            "no 'available' member",
            "Content-Language None, expected 'en'",
            "no X-Request-ID header",
            "a Retry-After header ('5'), expected none",
            "no Cache-Control header",
        ]

    def test_a_header_of_another_value(self):
        response = problem_response()
        response["Cache-Control"] = "no-store"
        assert failure(response, headers={"Cache-Control": "no-cache"}) == [
            "Cache-Control: 'no-store', expected 'no-cache'"
        ]

    def test_not_problem_json(self):
        response = HttpResponse("<p>Conflict</p>", status=409)
        assert failure(response) == [
            "Content-Type 'text/html; charset=utf-8', expected application/problem+json",
            "the body is not JSON: b'<p>Conflict</p>'",
        ]

    def test_plain_json_is_not_a_problem(self):
        response = problem_response(content_type="application/json")
        assert failure(response) == [
            "Content-Type 'application/json', expected application/problem+json"
        ]
        # Parameters of the media type do not matter.
        assert_problem(problem_response(content_type="application/problem+json; charset=utf-8"))

    def test_a_streaming_body(self):
        response = StreamingHttpResponse(
            iter([b"{}"]), status=409, content_type="application/problem+json"
        )
        assert failure(response) == ["the body is not JSON: 'streaming content'"]

    def test_json_that_is_not_an_object(self):
        response = HttpResponse("[1]", status=409, content_type="application/problem+json")
        assert failure(response) == ["the body is JSON but not an object: [1]"]

    def test_the_standard_members(self):
        members = {"type": None, "status": True, "detail": 5, "instance": ["/x/"]}
        response = HttpResponse(
            json.dumps(members), status=409, content_type="application/problem+json"
        )
        assert failure(response) == [
            "'type' is not a string: None",
            "no 'title' member",
            "'status' is not an integer: True",
            "'detail' is not a string: 5",
            "'instance' is not a string: ['/x/']",
        ]

    def test_a_problem_without_status(self):
        response = HttpResponse(
            json.dumps({"type": "about:blank", "title": "Conflict"}),
            status=409,
            content_type="application/problem+json",
        )
        assert failure(response) == ["no 'status' member"]

    def test_absent_headers(self):
        assert_problem(problem_response(), headers={"Retry-After": False})

    def test_the_status_member_is_the_response_status(self):
        response = problem_response()
        response.status_code = 422
        assert failure(response) == ["'status' member 409 differs from the response's 422"]

    def test_framing_is_checked_too(self):
        response = problem_response()
        del response["Content-Type"]
        assert failure(response) == [
            "Content-Type None, expected application/problem+json",
            f"409 with {len(response.content)} bytes of content but no Content-Type (RFC 9110 §8.3)",
        ]


# The plugin, run as a host project runs it: in a pytest process of its own, with
# pytest-django, a settings module and the entry point that pyproject.toml declares.
HOST_SETTINGS = """
SECRET_KEY = "plugin-test"
ROOT_URLCONF = "hosturls"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
USE_TZ = True
"""

HOST_URLS = """
from django.http import HttpResponse, HttpResponseNotAllowed
from django.urls import path


def broken(request):
    response = HttpResponseNotAllowed(["GET"])
    del response["Allow"]
    return response


def fine(request):
    return HttpResponse("fine")


urlpatterns = [path("broken/", broken), path("fine/", fine)]
"""

HOST_TESTS = """
import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient
from rest_framework.test import APIClient


def test_broken(client):
    client.get("/broken/")


@pytest.mark.statuscodes_lax(reason="on purpose")
def test_broken_on_purpose(client):
    client.get("/broken/")


def test_fine(client):
    assert client.get("/fine/").content == b"fine"


def test_broken_async():
    async_to_sync(AsyncClient().get)("/broken/")


def test_broken_drf():
    APIClient().get("/broken/")


def test_head_with_a_body(client):
    # The test client drops the body, as a server would: the plugin sees it before that.
    assert client.head("/fine/").content == b""


def test_failing_on_its_own(client):
    client.get("/broken/")
    assert False, "its own failure"


def test_strict_on_its_own(client, statuscodes_strict):
    client.get("/broken/")
"""


def install(pytester, monkeypatch):
    """Install the plugin through the entry point that pyproject.toml declares."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    # This suite's own settings would win over the host's ini file.
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]
    entry_points = "".join(
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in points.items())
        for group, points in declared.items()
    )
    # What pip writes for the package, found on sys.path: the run loads what pyproject.toml
    # declares, however old the installed metadata is.
    dist = pytester.mkdir("statuscodes_plugin_check-0.dist-info")
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: statuscodes-plugin-check\n")
    (dist / "entry_points.txt").write_text(entry_points)


@pytest.fixture
def host(pytester, monkeypatch):
    """A tiny host project with pytest-django and the plugin."""
    install(pytester, monkeypatch)
    pytester.makepyfile(hostsettings=HOST_SETTINGS, hosturls=HOST_URLS, test_host=HOST_TESTS)
    pytester.makeini("[pytest]\nDJANGO_SETTINGS_MODULE = hostsettings\n")
    return pytester


def test_the_plugin_fails_broken_responses_in_strict_mode(host):
    result = host.runpytest_subprocess("--statuscodes-strict", "-p", "no:randomly", "-rA")
    result.assert_outcomes(passed=2, failed=6)
    failed = {
        line.split("::")[1].split(" ")[0] for line in result.outlines if line.startswith("FAILED")
    }
    assert failed == {
        "test_broken",
        "test_broken_async",
        "test_broken_drf",
        "test_head_with_a_body",
        "test_failing_on_its_own",
        "test_strict_on_its_own",
    }
    result.stdout.fnmatch_lines(
        [
            "statuscodes strict mode: the test client got responses with protocol problems:",
            "  GET /broken/: 405 without the Allow header, which RFC 9110 §15.5.6 requires (MUST)",
            "Mark the test @pytest.mark.statuscodes_lax(reason=...) if it breaks them on purpose.",
            "*HEAD /fine/: response to HEAD with 4 bytes of content*",
            "*AssertionError: its own failure*",
        ],
        consecutive=False,
    )
    # A test that failed on its own shows its own failure only.
    header = "statuscodes strict mode: the test client got responses with protocol problems:"
    assert result.outlines.count(header) == 5


def test_without_strict_mode_only_the_fixture_checks(host):
    result = host.runpytest_subprocess("-p", "no:randomly", "-rA")
    result.assert_outcomes(passed=6, failed=2)
    result.stdout.fnmatch_lines(
        [
            "FAILED test_host.py::test_failing_on_its_own*",
            "FAILED test_host.py::test_strict_on_its_own*",
        ]
    )


def test_the_ini_option(host):
    host.makeini("[pytest]\nDJANGO_SETTINGS_MODULE = hostsettings\nstatuscodes_strict = true\n")
    result = host.runpytest_subprocess("-p", "no:randomly")
    result.assert_outcomes(passed=2, failed=6)
    # And -o turns it off for one run.
    result = host.runpytest_subprocess("-p", "no:randomly", "-o", "statuscodes_strict=false")
    result.assert_outcomes(passed=6, failed=2)


def test_nothing_happens_without_django(pytester, monkeypatch):
    install(pytester, monkeypatch)
    pytester.makepyfile(
        test_plain=textwrap.dedent(
            """
            def test_plain():
                assert True

            def test_with_the_fixture(statuscodes_strict):
                assert True
            """
        )
    )
    result = pytester.runpytest_subprocess("--statuscodes-strict", "-p", "no:randomly")
    result.assert_outcomes(passed=2)


def test_the_failure_lists_each_problem_once():
    item = SimpleNamespace(stash=pytest.Stash())
    item.stash[pytest_plugin._PROBLEMS] = ["GET /a/: one", "GET /a/: one", "GET /b/: two"]
    hook = pytest_plugin.pytest_runtest_call(item)
    next(hook)
    with pytest.raises(pytest.fail.Exception) as failed:
        hook.send(None)
    assert str(failed.value).splitlines()[1:3] == ["  GET /a/: one", "  GET /b/: two"]


def test_a_test_without_problems_passes_as_it_is():
    item = SimpleNamespace(stash=pytest.Stash())
    hook = pytest_plugin.pytest_runtest_call(item)
    next(hook)
    with pytest.raises(StopIteration) as stopped:
        hook.send("outcome")
    assert stopped.value.value == "outcome"


def test_no_handlers_to_wrap_without_django_settings(monkeypatch):
    import django.conf

    monkeypatch.setattr(django.conf, "settings", SimpleNamespace(configured=False))
    assert pytest_plugin._handlers() is None
