"""Django's own exceptions, and the host's, as problem details: plain views and DRF views."""

from __future__ import annotations

import json
import logging
import sys

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation, ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.test import RequestFactory, override_settings

from statuscodes import exceptions as exc
from statuscodes import mapping
from statuscodes.middleware import StatusCodeMiddleware

pytestmark = pytest.mark.django_db

factory = RequestFactory()
WITHOUT_OUR_MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
]


def problem(response):
    assert response["Content-Type"] == "application/problem+json"
    return json.loads(response.content)


MODEL_ERRORS = [
    {"detail": "Ensure this value is greater than or equal to 100.", "pointer": "/code",
     "code": "min_value"},
    {"detail": "This field cannot be blank.", "pointer": "/phrase", "code": "blank"},
]  # fmt: skip


@pytest.fixture(params=["django", "drf-django"])
def prefix(request):
    """The same exception raised in a plain view and in a DRF view."""
    return request.param


class TestValidationError:
    def test_full_clean_is_a_400_with_a_pointer_and_a_code_per_error(self, client, prefix):
        response = client.get(f"/{prefix}/model/")
        assert response.status_code == 400
        body = problem(response)
        assert body["title"] == "Bad Request"
        assert body["detail"] == "The request has 2 validation errors."
        assert body["errors"] == MODEL_ERRORS

    @pytest.mark.parametrize(
        ("kind", "errors"),
        [
            ("message", [{"detail": "Just one.", "pointer": "", "code": "invalid"}]),
            # Params interpolated; a code given is kept, a missing one is "invalid".
            ("list", [{"detail": "First.", "pointer": "", "code": "invalid"},
                      {"detail": "Second 2.", "pointer": "", "code": "second"}]),
            ("non-field", [{"detail": "Dates overlap.", "pointer": "", "code": "overlap"},
                           {"detail": "Bad field.", "pointer": "/a~1b", "code": "invalid"}]),
        ],
    )  # fmt: skip
    def test_shapes(self, client, prefix, kind, errors):
        body = problem(client.get(f"/{prefix}/{kind}/"))
        assert body["status"] == 400
        assert body["errors"] == errors

    def test_in_russian(self, client, prefix):
        response = client.get(f"/{prefix}/model/", headers={"accept-language": "ru"})
        body = problem(response)
        assert response["Content-Language"] == "ru"
        assert body["title"] == "Неверный запрос"
        assert body["detail"] == "В запросе 2 ошибки проверки."
        # Django's own messages, in Django's Russian.
        assert [e["code"] for e in body["errors"]] == ["min_value", "blank"]
        assert all(e["detail"] not in {m["detail"] for m in MODEL_ERRORS} for e in body["errors"])
        assert "100" in body["errors"][0]["detail"]


class TestIntegrityError:
    def test_a_unique_violation_is_a_409(self, client, prefix):
        response = client.get(f"/{prefix}/unique/")
        assert response.status_code == 409
        body = problem(response)
        assert body["detail"] == "The request conflicts with a value that must be unique."
        # Nothing of the database's message (table and column names) reaches the client.
        assert "UNIQUE" not in response.content.decode()
        assert "statuscodes_" not in response.content.decode()

    def test_a_409_in_russian(self, client, prefix):
        body = problem(client.get(f"/{prefix}/unique/", headers={"accept-language": "ru"}))
        assert body["detail"] == "Запрос противоречит значению, которое должно быть уникальным."

    def test_another_integrity_error_stays_a_500(self, client, prefix):
        client.raise_request_exception = False
        response = client.get(f"/{prefix}/integrity/")
        assert response.status_code == 500
        assert problem(response)["title"] == "Internal Server Error"

    @pytest.mark.parametrize(
        ("cause", "unique"),
        [
            (type("PsycopgError", (Exception,), {"sqlstate": "23505"})(), True),  # psycopg 3
            (type("Psycopg2Error", (Exception,), {"pgcode": "23505"})(), True),  # psycopg2
            (type("PsycopgError", (Exception,), {"sqlstate": "23503"})(), False),  # foreign key
            (Exception("UNIQUE constraint failed: app_item.sku"), True),  # SQLite
            (Exception("NOT NULL constraint failed: app_item.sku"), False),
            (None, False),
        ],
    )
    def test_uniqueness_is_read_portably(self, cause, unique):
        error = IntegrityError(str(cause) if cause is not None else "")
        error.__cause__ = cause
        assert mapping.is_unique_violation(error) is unique


class TestDjangoExceptions:
    @pytest.mark.parametrize(
        ("kind", "status"),
        [("does-not-exist", 404), ("object-does-not-exist", 404), ("denied", 403),
         ("suspicious", 400), ("too-big", 413)],
    )  # fmt: skip
    def test_status_and_no_internals(self, client, prefix, kind, status):
        client.raise_request_exception = False
        response = client.get(f"/{prefix}/{kind}/")
        assert response.status_code == status
        assert problem(response)["status"] == status
        assert b"secret" not in response.content
        assert b"matching query" not in response.content

    @pytest.mark.parametrize(
        ("error", "status"),
        [(PermissionDenied("x"), 403), (SuspiciousOperation("x"), 400)],
    )
    def test_the_middleware_renders_them_itself(self, error, status):
        # Not left to handler403/handler400: a host without them gets problems too.
        middleware = StatusCodeMiddleware(lambda request: HttpResponse())
        response = middleware.process_exception(factory.get("/"), error)
        assert response is not None
        assert response.status_code == status

    def test_http404_is_left_to_django(self):
        # Django's handler404 (or its technical 404 page in DEBUG) answers it, as before.
        middleware = StatusCodeMiddleware(lambda request: HttpResponse())
        assert middleware.process_exception(factory.get("/"), Http404("x")) is None
        assert mapping.as_http_error(Http404("x")) is None

    def test_a_suspicious_operation_is_logged_to_the_security_logger(self, client, caplog):
        with caplog.at_level(logging.INFO):
            client.get("/django/suspicious/")
        records = [r for r in caplog.records if r.name.startswith("django.")]
        assert [(r.name, r.levelname) for r in records] == [
            ("django.security.SuspiciousOperation", "ERROR")
        ]

    @override_settings(DEBUG=True)
    @pytest.mark.parametrize(("kind", "status"), [("suspicious", 400), ("model", 400),
                                                  ("does-not-exist", 404), ("unique", 409)])  # fmt: skip
    def test_no_debug_page_in_debug(self, client, prefix, kind, status):
        response = client.get(f"/{prefix}/{kind}/", headers={"accept": "text/html"})
        assert response.status_code == status
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert b"Traceback" not in response.content
        assert b"secret" not in response.content

    @override_settings(MIDDLEWARE=WITHOUT_OUR_MIDDLEWARE)
    def test_the_api_handler_maps_them_without_the_middleware(self, client):
        response = client.get("/drf-django/model/")
        assert response.status_code == 400
        assert problem(response)["errors"] == MODEL_ERRORS
        assert client.get("/drf-django/does-not-exist/").status_code == 404


class TestHostMap:
    @override_settings(
        STATUSCODES_EXCEPTION_MAP={
            "tests.views_mapping.OutOfStockError": 409,
            "tests.views_mapping.BackorderError": "statuscodes.exceptions.Gone",
        }
    )
    def test_a_status_or_a_class_most_specific_first(self, client, prefix):
        assert client.get(f"/{prefix}/out-of-stock/").status_code == 409
        response = client.get(f"/{prefix}/backorder/")
        assert response.status_code == 410
        assert b"secret" not in response.content

    @override_settings(STATUSCODES_EXCEPTION_MAP={"tests.views_mapping.OutOfStockError": 409})
    def test_a_subclass_takes_its_base_mapping(self, client, prefix):
        assert client.get(f"/{prefix}/backorder/").status_code == 409

    @override_settings(STATUSCODES_EXCEPTION_MAP={"django.core.exceptions.PermissionDenied": 404})
    def test_the_host_replaces_a_builtin_mapping_of_the_same_class(self, client, prefix):
        assert client.get(f"/{prefix}/denied/").status_code == 404
        # Ratelimited, a subclass, keeps its own, more specific mapping.
        assert client.get(f"/{prefix}/ratelimited/").status_code == 429

    def test_a_code_without_a_class(self):
        with override_settings(STATUSCODES_EXCEPTION_MAP={"builtins.LookupError": 599}):
            error = mapping.as_http_error(KeyError("x"))
        assert type(error) is exc.HttpError
        assert error.status_code == 599

    def test_unmapped_exceptions_stay_unmapped(self, client):
        assert mapping.as_http_error(RuntimeError("x")) is None
        client.raise_request_exception = False
        assert client.get("/django/out-of-stock/").status_code == 500

    @override_settings(
        STATUSCODES_EXCEPTION_MAP={
            "tests.nowhere.Missing": 409,
            "statuscodes.conf.app_settings": 409,  # no exception class
            "builtins.LookupError": 405,  # Allow cannot be supplied
            "builtins.KeyError": "statuscodes.exceptions.NoSuchClass",
            "tests.views_mapping.OutOfStockError": 409,
        }
    )
    def test_bad_entries_are_skipped_at_run_time(self, client):
        # The system check reports them; a request never fails because of them.
        assert mapping.as_http_error(KeyError("x")) is None
        assert mapping.as_http_error(IndexError("x")) is None
        assert client.get("/django/out-of-stock/").status_code == 409

    @override_settings(STATUSCODES_EXCEPTION_MAP={"builtins.LookupError": 409})
    def test_the_setting_is_read_on_each_exception(self):
        assert mapping.as_http_error(KeyError("x")).status_code == 409
        with override_settings(STATUSCODES_EXCEPTION_MAP={}):
            assert mapping.as_http_error(KeyError("x")) is None


class TestUnits:
    @pytest.mark.parametrize(
        ("target", "error"),
        [("builtins.KeyError", TypeError), (1.5, TypeError), (True, TypeError), (200, ValueError),
         (405, TypeError), ("statuscodes.nowhere.Gone", ImportError)],
    )  # fmt: skip
    def test_error_factory_refuses(self, target, error):
        with pytest.raises(error):
            mapping.error_factory(target)

    def test_error_factory_builds_a_fresh_error_each_time(self):
        factory = mapping.error_factory("statuscodes.exceptions.Gone")
        assert factory() is not factory()
        assert mapping.error_factory(503)().status_code == 503

    @override_settings(STATUSCODES_EXCEPTION_MAP=["builtins.KeyError"])
    def test_a_map_that_is_no_dict_maps_nothing(self):
        assert mapping.as_http_error(KeyError("x")) is None
        assert mapping.as_http_error(PermissionDenied()).status_code == 403

    def test_validation_error_items(self):
        error = ValidationError({"name": [ValidationError("Too %(what)s.", params={"what": "long"},
                                                          code="max_length")]})  # fmt: skip
        assert mapping.validation_error_items(error) == [
            {"detail": "Too long.", "pointer": "/name", "code": "max_length"}
        ]

    def test_without_django_ratelimit(self, monkeypatch):
        # The import is guarded: without the package, a PermissionDenied is a 403 as ever.
        monkeypatch.setitem(sys.modules, "django_ratelimit.exceptions", None)
        assert mapping.as_http_error(PermissionDenied()).status_code == 403


class TestOutsideViews:
    """Raised outside a view, where process_exception does not see them: Django's handlers."""

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10)
    def test_a_body_too_big_for_the_csrf_middleware_is_a_413(self):
        from django.middleware.csrf import get_token
        from django.test import Client

        request = factory.get("/")
        get_token(request)
        client = Client(enforce_csrf_checks=True)
        client.cookies["csrftoken"] = request.META["CSRF_COOKIE"]
        # CsrfViewMiddleware reads the form's token before the view runs: handler400 answers.
        response = client.post(
            "/csrf-protected/", "a=" + "x" * 100, content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 413
        assert problem(response)["status"] == 413

    def test_permission_denied_in_a_middleware_is_a_403(self, settings):
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.test_mapping.deny"]
        response = self.client_get("/ok/")
        assert response.status_code == 403
        assert b"secret" not in response.content
        assert problem(response)["status"] == 403

    @staticmethod
    def client_get(path):
        from django.test import Client

        return Client().get(path)


def deny(get_response):
    def middleware(request):
        raise PermissionDenied("secret reason")

    return middleware
