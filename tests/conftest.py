from __future__ import annotations

import base64

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import translation

from statuscodes import caches

# Strict mode (statuscodes_strict in pyproject.toml): every test-client response is checked.
pytest_plugins = ["statuscodes.pytest_plugin"]


@pytest.fixture(autouse=True)
def clear_caches():
    """Every test starts with the app's process-wide caches empty (``statuscodes.caches``)."""
    caches.clear_all()
    yield
    caches.clear_all()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in ``LANGUAGE_CODE``: a request through ``LocaleMiddleware`` activates
    its language for the rest of the thread, so one test's Russian request would otherwise
    translate the next test's validation errors and command output."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def russian():
    with translation.override("ru"):
        yield


@pytest.fixture
def editor(db):
    """A staff user who may add, change and delete status codes, with the password "pw"."""
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="statuscodes",
            codename__in=["add_statuscode", "change_statuscode", "delete_statuscode"],
        )
    )
    return user


@pytest.fixture
def auth(editor):
    """HTTP Basic credentials of the editor."""
    token = base64.b64encode(b"editor:pw").decode()
    return {"authorization": f"Basic {token}"}
