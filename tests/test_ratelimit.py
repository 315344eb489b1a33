"""django-ratelimit's Ratelimited: a 429 with Retry-After, not the 403 it subclasses."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    # django-ratelimit counts requests in the default cache (LocMemCache in the test host).
    cache.clear()
    yield
    cache.clear()


def test_the_second_request_in_a_minute_is_a_429(client):
    assert client.get("/limited/").status_code == 200
    response = client.get("/limited/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    body = json.loads(response.content)
    assert body["status"] == 429
    assert body["title"] == "Too Many Requests"


def test_retry_after_follows_the_setting(client, settings):
    settings.STATUSCODES_RATELIMIT_RETRY_AFTER = 120
    client.get("/limited/")
    assert client.get("/limited/")["Retry-After"] == "120"


def test_in_russian(client):
    client.get("/limited/")
    response = client.get("/limited/", headers={"accept-language": "ru"})
    assert response.status_code == 429
    assert response["Content-Language"] == "ru"


def test_in_a_drf_view(client):
    response = client.get("/drf-django/ratelimited/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
