from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    call_command("makemigrations", "statuscodes", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_changing_languages_needs_no_migration(settings):
    settings.LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("ja", "日本語")]
    call_command("makemigrations", "statuscodes", "--check", "--dry-run", stdout=StringIO())
