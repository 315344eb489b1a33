from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from statuscodes.checks import MIDDLEWARE_PATH, check_languages, check_middleware

COMMON = "django.middleware.common.CommonMiddleware"
CONDITIONAL = "django.middleware.http.ConditionalGetMiddleware"


@pytest.mark.django_db
def test_the_test_host_is_clean():
    assert not [m for m in run_checks() if m.id.startswith("statuscodes.")]


def test_default_configuration_is_clean():
    assert check_languages() == []
    assert check_middleware() == []


@override_settings(LANGUAGES=[("de", "Deutsch")], LANGUAGE_CODE="de")
def test_w001_no_shipped_language_configured():
    messages = check_languages()
    assert [m.id for m in messages] == ["statuscodes.W001"]
    assert "en, ru" in str(messages[0].hint)


@override_settings(LANGUAGES=[("en-us", "English (US)")], LANGUAGE_CODE="en-us")
def test_regional_variant_of_a_shipped_language_is_enough():
    assert check_languages() == []


@override_settings(MIDDLEWARE=[COMMON])
def test_w002_middleware_missing():
    assert [m.id for m in check_middleware()] == ["statuscodes.W002"]


@override_settings(MIDDLEWARE=[COMMON, CONDITIONAL, MIDDLEWARE_PATH])
def test_e001_below_common_and_conditional_get():
    messages = check_middleware()
    assert [m.id for m in messages] == ["statuscodes.E001", "statuscodes.E001"]
    assert COMMON in messages[0].msg
    assert CONDITIONAL in messages[1].msg


@override_settings(MIDDLEWARE=[MIDDLEWARE_PATH, CONDITIONAL, COMMON])
def test_above_is_right():
    assert check_middleware() == []


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_e003_require_if_match_is_not_a_bool(value):
    from statuscodes.checks import check_settings

    with override_settings(STATUSCODES_API_REQUIRE_IF_MATCH=value):
        assert [m.id for m in check_settings()] == ["statuscodes.E003"]


@pytest.mark.parametrize("value", [True, False])
def test_e003_a_bool_is_right(value):
    from statuscodes.checks import check_settings

    with override_settings(STATUSCODES_API_REQUIRE_IF_MATCH=value):
        assert check_settings() == []
