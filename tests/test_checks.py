from __future__ import annotations

from django.core.checks import run_checks
from django.test import override_settings


def ids():
    return [message.id for message in run_checks()]


def test_default_configuration_is_clean():
    assert "statuscodes.W001" not in ids()


@override_settings(LANGUAGES=[("de", "Deutsch")], LANGUAGE_CODE="de")
def test_w001_no_shipped_language_configured():
    messages = [m for m in run_checks() if m.id == "statuscodes.W001"]
    assert len(messages) == 1
    assert "en, ru" in str(messages[0].hint)


@override_settings(LANGUAGES=[("en-us", "English (US)")], LANGUAGE_CODE="en-us")
def test_regional_variant_of_a_shipped_language_is_enough():
    assert "statuscodes.W001" not in ids()
