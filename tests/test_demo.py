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
