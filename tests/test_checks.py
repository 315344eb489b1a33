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


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["builtins.KeyError"], "must be a dict"),
        ({"tests.nowhere.Missing": 409}, "cannot be imported"),
        ({"nodots": 409}, "cannot be imported"),
        ({"statuscodes.conf.app_settings": 409}, "is not an exception class"),
        ({"builtins.KeyError": 200}, "is not a status from 300 to 599"),
        ({"builtins.KeyError": 600}, "is not a status from 300 to 599"),
        ({"builtins.KeyError": True}, "must be a status from 300 to 599 or the dotted path"),
        ({"builtins.KeyError": 304}, "304 cannot be raised"),
        ({"builtins.KeyError": 306}, "306 cannot be raised"),
        ({"builtins.KeyError": 405}, "a 405 needs allow"),
        ({"builtins.KeyError": 301}, "a 301 needs location"),
        ({"builtins.KeyError": 401}, "a 401 needs www_authenticate"),
        ({"builtins.KeyError": "statuscodes.exceptions.Nothing"}, "cannot be imported"),
        ({"builtins.KeyError": "builtins.KeyError"}, "is not an HttpError subclass"),
        ({"builtins.KeyError": "statuscodes.exceptions.MethodNotAllowed"}, "cannot be built"),
    ],
)
def test_e004_bad_exception_map(value, message):
    from statuscodes.checks import check_settings

    with override_settings(STATUSCODES_EXCEPTION_MAP=value):
        messages = check_settings()
    assert [m.id for m in messages] == ["statuscodes.E004"]
    assert message in messages[0].msg, messages[0].msg
    assert messages[0].hint


def test_e004_each_bad_entry_is_reported():
    from statuscodes.checks import check_settings

    value = {"tests.nowhere.Missing": 409, "builtins.KeyError": 405, "builtins.OSError": 503}
    with override_settings(STATUSCODES_EXCEPTION_MAP=value):
        assert [m.id for m in check_settings()] == ["statuscodes.E004", "statuscodes.E004"]


@pytest.mark.parametrize(
    "value",
    [
        {},
        {"builtins.KeyError": 409, "builtins.LookupError": 599, "builtins.OSError": 503},
        {"builtins.KeyError": "statuscodes.exceptions.Gone"},
        {"django.core.exceptions.PermissionDenied": "statuscodes.exceptions.NotFound"},
    ],
)
def test_e004_a_good_map_is_clean(value):
    from statuscodes.checks import check_settings

    with override_settings(STATUSCODES_EXCEPTION_MAP=value):
        assert check_settings() == []


@pytest.mark.parametrize("value", [-1, 1.5, "60", True, None])
def test_e005_ratelimit_retry_after_is_not_seconds(value):
    from statuscodes.checks import check_settings

    with override_settings(STATUSCODES_RATELIMIT_RETRY_AFTER=value):
        assert [m.id for m in check_settings()] == ["statuscodes.E005"]


@pytest.mark.parametrize("value", [0, 60, 3600])
def test_e005_seconds_are_right(value):
    from statuscodes.checks import check_settings

    with override_settings(STATUSCODES_RATELIMIT_RETRY_AFTER=value):
        assert check_settings() == []
