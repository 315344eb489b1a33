"""The demo site's own helpers."""

from __future__ import annotations

import pytest

from project.settings import database_from_url


def test_postgres_url():
    config = database_from_url("postgres://me:p%40ss@db.example:5433/codes")
    assert config == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "codes",
        "USER": "me",
        "PASSWORD": "p@ss",
        "HOST": "db.example",
        "PORT": "5433",
    }


def test_sqlite_url():
    assert database_from_url("sqlite:///tmp/x.db")["NAME"] == "tmp/x.db"


def test_unsupported_url():
    with pytest.raises(ValueError, match="unsupported scheme 'mysql'"):
        database_from_url("mysql://x/y")


@pytest.mark.django_db
@pytest.mark.urls("project.urls")
class TestExamples:
    @pytest.mark.parametrize("code", [100, 101, 200, 204, 299, 304, 305, 306, 600, 999, 0])
    def test_a_code_a_view_cannot_raise_is_a_404_problem(self, client, code):
        response = client.get(f"/examples/{code}/")
        assert response.status_code == 404
        assert str(code) in response.json()["detail"]

    @pytest.mark.parametrize("code", [301, 401, 405, 407, 416, 426, 451, 503, 599])
    def test_a_code_a_view_can_raise_is_raised(self, client, code):
        client.raise_request_exception = False  # a raised 5xx is signalled, as Django does
        assert client.get(f"/examples/{code}/").status_code == code
