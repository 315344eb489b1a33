"""A raised 5xx reaches error monitoring (Sentry and the like) and the log, once; a 4xx does not."""

from __future__ import annotations

import logging
import sys

import pytest
from asgiref.sync import async_to_sync
from django.core.signals import got_request_exception
from django.test import override_settings

from statuscodes import exceptions as exc
from statuscodes.middleware import StatusCodeMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def signals():
    """The got_request_exception signals sent, with the exception current at each."""
    sent = []

    def receiver(sender, request, **kwargs):
        # Sentry's Django integration reads the exception from sys.exc_info().
        sent.append((sender, request.path, sys.exc_info()[1]))

    got_request_exception.connect(receiver)
    yield sent
    got_request_exception.disconnect(receiver)


@pytest.fixture
def quiet_client(client):
    # Django's test client re-raises every exception that got_request_exception announced.
    client.raise_request_exception = False
    return client


def request_records(caplog):
    return [r for r in caplog.records if r.name == "django.request"]


@pytest.mark.parametrize(
    ("path", "status", "sender"),
    [
        ("/django/server-error/", 500, StatusCodeMiddleware),
        ("/django/unavailable/", 503, StatusCodeMiddleware),
        ("/drf-django/server-error/", 500, None),
    ],
)
def test_a_raised_5xx_is_signalled_once(quiet_client, signals, path, status, sender):
    response = quiet_client.get(path)
    assert response.status_code == status
    assert len(signals) == 1
    signalled_sender, signalled_path, error = signals[0]
    assert signalled_sender is sender
    assert signalled_path == path
    assert isinstance(error, exc.HttpError)
    assert error.status_code == status


def test_an_async_view_signals_with_the_exception_current(async_client, signals):
    async_client.raise_request_exception = False
    response = async_to_sync(async_client.get)("/django-async/server-error/")
    assert response.status_code == 500
    assert len(signals) == 1
    assert isinstance(signals[0][2], exc.InternalServerError)


@pytest.mark.parametrize("path", ["/django/not-found/", "/raise/405/", "/drf-django/not-found/",
                                  "/django/model/", "/drf/"])  # fmt: skip
def test_a_4xx_is_not_signalled(client, signals, path):
    assert 400 <= client.get(path).status_code < 500
    assert signals == []


@pytest.mark.parametrize("path", ["/django/server-error/", "/drf-django/server-error/"])
def test_a_500_is_logged_once_with_its_traceback(quiet_client, caplog, path):
    with caplog.at_level(logging.INFO, logger="django.request"):
        quiet_client.get(path)
    records = request_records(caplog)
    assert len(records) == 1
    record = records[0]
    assert record.levelname == "ERROR"
    assert record.getMessage() == f"Internal Server Error: {path}"
    assert record.status_code == 500
    assert isinstance(record.exc_info[1], exc.InternalServerError)


def test_a_4xx_is_logged_by_django_as_a_warning(client, caplog):
    with caplog.at_level(logging.INFO, logger="django.request"):
        client.get("/django/not-found/")
    records = request_records(caplog)
    assert [(r.levelname, r.getMessage(), r.exc_info) for r in records] == [
        ("WARNING", "Not Found: /django/not-found/", None)
    ]


@override_settings(STATUSCODES_EXCEPTION_MAP={"tests.views_mapping.OutOfStockError": 503})
def test_a_mapped_5xx_reports_the_original_exception(quiet_client, signals, caplog):
    from tests.views_mapping import OutOfStockError

    with caplog.at_level(logging.INFO, logger="django.request"):
        assert quiet_client.get("/django/out-of-stock/").status_code == 503
    assert [type(error) for _, _, error in signals] == [OutOfStockError]
    assert [type(r.exc_info[1]) for r in request_records(caplog)] == [OutOfStockError]


def test_the_test_client_raises_a_raised_5xx(client):
    # As for any 500 Django signals: tests that expect the response say raise_request_exception.
    with pytest.raises(exc.InternalServerError):
        client.get("/django/server-error/")
