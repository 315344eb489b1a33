"""System checks for a host project's configuration."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from statuscodes.dataset import shipped_languages
from statuscodes.exceptions import HttpError
from statuscodes.languages import accepted_languages
from statuscodes.protocol import NOT_RAISABLE, rules_for
from statuscodes.validators import is_integer


@register(Tags.translation)
def check_languages(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W001: no shipped language is among ``settings.LANGUAGES``, so no text would be loaded."""
    shipped = shipped_languages()
    if set(shipped) & set(accepted_languages()):
        return []
    return [
        Warning(
            _("settings.LANGUAGES contains none of the languages the dataset ships texts in."),
            hint=_("Add at least one of %(languages)s to settings.LANGUAGES.")
            % {"languages": ", ".join(shipped)},
            id="statuscodes.W001",
        )
    ]


MIDDLEWARE_PATH = "statuscodes.middleware.StatusCodeMiddleware"
#: Middleware whose response pass must run before ours: they set Content-Length or make 304s.
MUST_BE_BELOW = (
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
)


@register()
def check_middleware(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W002: the middleware is missing; E001: it sits below middleware that it must wrap."""
    middleware = list(settings.MIDDLEWARE)
    if MIDDLEWARE_PATH not in middleware:
        return [
            Warning(
                _("%(path)s is not in MIDDLEWARE: raised HttpError exceptions become 500 errors.")
                % {"path": MIDDLEWARE_PATH},
                hint=_("Add it to MIDDLEWARE above CommonMiddleware."),
                id="statuscodes.W002",
            )
        ]
    position = middleware.index(MIDDLEWARE_PATH)
    above = [path for path in MUST_BE_BELOW if path in middleware[:position]]
    return [
        Error(
            _("%(path)s must be above %(other)s in MIDDLEWARE.")
            % {"path": MIDDLEWARE_PATH, "other": other},
            hint=_(
                "%(other)s changes Content-Length or makes 304 responses after %(path)s has "
                "fixed the framing; move %(path)s above it."
            )
            % {"path": MIDDLEWARE_PATH, "other": other},
            id="statuscodes.E001",
        )
        for other in above
    ]


@register()
def check_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E002: ``STATUSCODES_API_MAX_AGE`` is not seconds >= 0; E003: the If-Match flag no bool.

    E004: a bad ``STATUSCODES_EXCEPTION_MAP`` entry; E005: ``STATUSCODES_RATELIMIT_RETRY_AFTER``
    is not seconds >= 0.
    """
    from statuscodes.conf import app_settings

    errors: list[CheckMessage] = []
    value = app_settings.API_MAX_AGE
    if not (is_integer(value) and value >= 0):
        errors.append(
            Error(
                _("STATUSCODES_API_MAX_AGE must be a whole number of seconds >= 0, not %(value)r.")
                % {"value": value},
                hint=_("For example STATUSCODES_API_MAX_AGE = 60."),
                id="statuscodes.E002",
            )
        )
    require = app_settings.API_REQUIRE_IF_MATCH
    if not isinstance(require, bool):
        errors.append(
            Error(
                _("STATUSCODES_API_REQUIRE_IF_MATCH must be True or False, not %(value)r.")
                % {"value": require},
                hint=_("For example STATUSCODES_API_REQUIRE_IF_MATCH = True."),
                id="statuscodes.E003",
            )
        )
    errors += _check_exception_map(app_settings.EXCEPTION_MAP)
    retry_after = app_settings.RATELIMIT_RETRY_AFTER
    if not (is_integer(retry_after) and retry_after >= 0):
        errors.append(
            Error(
                _(
                    "STATUSCODES_RATELIMIT_RETRY_AFTER must be a whole number of seconds >= 0, "
                    "not %(value)r."
                )
                % {"value": retry_after},
                hint=_("For example STATUSCODES_RATELIMIT_RETRY_AFTER = 60."),
                id="statuscodes.E005",
            )
        )
    return errors


def _check_exception_map(value: object) -> list[CheckMessage]:
    """E004: each entry whose exception or status the app could not use, with the reason."""
    if not isinstance(value, dict):
        return [
            Error(
                _(
                    "STATUSCODES_EXCEPTION_MAP must be a dict of exception paths to statuses, "
                    "not %(value)r."
                )
                % {"value": value},
                hint=_('For example STATUSCODES_EXCEPTION_MAP = {"shop.errors.OutOfStock": 409}.'),
                id="statuscodes.E004",
            )
        ]
    errors: list[CheckMessage] = []
    for path, target in value.items():
        problem = _exception_problem(path) or _target_problem(target)
        if problem is not None:
            message, hint = problem
            errors.append(
                Error(
                    f"STATUSCODES_EXCEPTION_MAP[{path!r}]: {message}",
                    hint=hint,
                    id="statuscodes.E004",
                )
            )
    return errors


def _exception_problem(path: object) -> tuple[str, str] | None:
    hint = _('Give the dotted path of an exception class, such as "shop.errors.OutOfStock".')
    try:
        cls = import_string(path) if isinstance(path, str) else None
    except ImportError:
        cls = None
    if cls is None:
        return _("%(path)s cannot be imported.") % {"path": path}, hint
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        return _("%(path)s is not an exception class.") % {"path": path}, hint
    return None


def _target_problem(target: object) -> tuple[str, str] | None:
    if isinstance(target, str):
        return _class_problem(target)
    if not is_integer(target):
        message = _(
            "%(value)r must be a status from 300 to 599 or the dotted path of an HttpError "
            "subclass."
        )
        return message % {"value": target}, _('For example 409 or "shop.errors.OutOfStock".')
    if not 300 <= target <= 599:
        message = _("%(value)r is not a status from 300 to 599.")
        return message % {"value": target}, _("Map it to a redirect, a 4xx or a 5xx status.")
    if target in NOT_RAISABLE:
        return _("%(status)d cannot be raised.") % {"status": target}, NOT_RAISABLE[target]
    keywords = rules_for(target).keywords
    required = [k for k, rule in keywords.items() if rule.app_requires and k == rule.keyword]
    if required:
        message = _("a %(status)d needs %(keywords)s, which a mapping cannot give.")
        hint = _("Raise it in the view with its keywords, or map to a subclass that sets them.")
        return message % {"status": target, "keywords": ", ".join(required)}, hint
    return None


def _class_problem(path: str) -> tuple[str, str] | None:
    hint = _("Give the dotted path of an HttpError subclass that takes no required argument.")
    try:
        cls = import_string(path)
    except ImportError:
        return _("%(path)s cannot be imported.") % {"path": path}, hint
    if not (isinstance(cls, type) and issubclass(cls, HttpError)):
        return _("%(path)s is not an HttpError subclass.") % {"path": path}, hint
    try:
        cls()
    except (TypeError, ValueError) as error:
        return _("%(path)s cannot be built without arguments: %(error)s") % {
            "path": path,
            "error": error,
        }, hint
    return None


@register()
def check_problem_hook(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E020: ``STATUSCODES_PROBLEM_HOOK`` does not name a callable; E021: a bad header name."""
    from django.utils.module_loading import import_string

    from statuscodes.conf import app_settings
    from statuscodes.headers import check_header_name

    errors: list[CheckMessage] = []
    path = app_settings.PROBLEM_HOOK
    if path is not None:
        try:
            hook = import_string(path) if isinstance(path, str) else None
        except ImportError:
            hook = None
        if not callable(hook):
            errors.append(
                Error(
                    _(
                        "STATUSCODES_PROBLEM_HOOK must be the dotted path of a callable, "
                        "not %(value)r."
                    )
                    % {"value": path},
                    hint=_(
                        'For example STATUSCODES_PROBLEM_HOOK = "statuscodes.hooks.correlation_id".'
                    ),
                    id="statuscodes.E020",
                )
            )
    header = app_settings.CORRELATION_HEADER
    try:
        check_header_name(header)
    except (TypeError, ValueError):
        errors.append(
            Error(
                _("STATUSCODES_CORRELATION_HEADER must be a header name, not %(value)r.")
                % {"value": header},
                hint=_('For example STATUSCODES_CORRELATION_HEADER = "X-Request-ID".'),
                id="statuscodes.E021",
            )
        )
    return errors
