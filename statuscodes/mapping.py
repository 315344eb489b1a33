"""Which exception becomes which status: Django's own, django-ratelimit's and the host's.

:func:`as_http_error` gives the :class:`~statuscodes.exceptions.HttpError` that an exception
stands for, or ``None`` to leave it to Django; ``StatusCodeMiddleware`` and the API's exception
handler render what it gives. The most specific class wins: the exception's MRO is walked, and at
each class the host's ``STATUSCODES_EXCEPTION_MAP`` comes before the app's own table:
a ``ValidationError`` is a 400 with each message under ``errors``, an ``IntegrityError`` of a
unique constraint a 409 (any other stays a 500), ``ObjectDoesNotExist`` a 404,
``PermissionDenied`` a 403, django-ratelimit's ``Ratelimited`` a 429 with ``Retry-After``,
``SuspiciousOperation``, ``BadRequest`` and ``MultiPartParserError`` a 400 (``RequestDataTooBig``
a 413). ``Http404`` is left to Django's ``handler404``.

The exception's own text never reaches the client: it may hold internals (table names, row
ids). :func:`report` tells error monitoring and the log about a 5xx, as Django does for an
exception it did not expect.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from django.core import exceptions as dj
from django.core.signals import got_request_exception
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.log import log_response
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from statuscodes import exceptions as exc
from statuscodes.conf import app_settings
from statuscodes.validators import is_integer

__all__ = [
    "DEFAULT_CODE",
    "RATELIMITED",
    "UNIQUE_SQLSTATE",
    "Converter",
    "as_http_error",
    "error_factory",
    "is_unique_violation",
    "json_pointer",
    "report",
    "validation_error_items",
]

#: The code of a validation message that names none (DRF's default code too).
DEFAULT_CODE = "invalid"
#: django-ratelimit's exception, named so that the app does not need the package.
RATELIMITED = "django_ratelimit.exceptions.Ratelimited"
#: PostgreSQL's SQLSTATE of a unique_violation.
UNIQUE_SQLSTATE = "23505"

#: Makes the ``HttpError`` an exception stands for, or ``None`` where its class's rule does not
#: apply to it (an ``IntegrityError`` of another constraint).
Converter = Callable[[BaseException], exc.HttpError | None]


def json_pointer(path: list[str | int]) -> str:
    """An RFC 6901 JSON pointer: ``["items", 0, "a/b"]`` -> ``/items/0/a~1b``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def validation_error_items(error: dj.ValidationError) -> list[dict[str, str]]:
    """``[{"detail", "pointer", "code"}]`` of a Django ``ValidationError``, params interpolated.

    A field's messages point at ``/field``; ``NON_FIELD_ERRORS`` and a plain list of messages
    point at the whole document, ``""``.
    """
    if hasattr(error, "error_dict"):
        fields = list(error.error_dict.items())
    else:
        fields = [(dj.NON_FIELD_ERRORS, error.error_list)]
    items = []
    for field, errors in fields:
        pointer = "" if field == dj.NON_FIELD_ERRORS else json_pointer([field])
        for item in errors:
            message = item.message
            if item.params:
                message %= item.params
            items.append(
                {"detail": str(message), "pointer": pointer, "code": item.code or DEFAULT_CODE}
            )
    return items


def is_unique_violation(error: IntegrityError) -> bool:
    """Whether the database refused a duplicate of a unique value, on SQLite or PostgreSQL."""
    cause = error.__cause__
    # psycopg 3 names the SQLSTATE sqlstate, psycopg2 pgcode.
    if UNIQUE_SQLSTATE in (getattr(cause, "sqlstate", None), getattr(cause, "pgcode", None)):
        return True
    return "UNIQUE constraint failed" in str(error)  # SQLite has no SQLSTATE


def _validation(error: BaseException) -> exc.HttpError:
    assert isinstance(error, dj.ValidationError)
    errors = validation_error_items(error)
    detail = ngettext(
        "The request has %(count)d validation error.",
        "The request has %(count)d validation errors.",
        len(errors),
    ) % {"count": len(errors)}
    return exc.BadRequest(detail, extensions={"errors": errors})


def _integrity(error: BaseException) -> exc.HttpError | None:
    assert isinstance(error, IntegrityError)
    if not is_unique_violation(error):
        return None
    return exc.Conflict(_("The request conflicts with a value that must be unique."))


def _ratelimited(error: BaseException) -> exc.HttpError:
    return exc.TooManyRequests(retry_after=app_settings.RATELIMIT_RETRY_AFTER)


#: The app's own table; the most specific class of an exception's MRO wins.
_BUILTIN: dict[type[BaseException], Converter] = {
    dj.ValidationError: _validation,
    IntegrityError: _integrity,
    dj.ObjectDoesNotExist: lambda error: exc.NotFound(),
    dj.PermissionDenied: lambda error: exc.Forbidden(),
    dj.SuspiciousOperation: lambda error: exc.BadRequest(),
    # Django counts it as a suspicious 400; RFC 9110 §15.5.14 names the status for it.
    dj.RequestDataTooBig: lambda error: exc.ContentTooLarge(),
    dj.BadRequest: lambda error: exc.BadRequest(),
    MultiPartParserError: lambda error: exc.BadRequest(),
}


def error_factory(target: object) -> Callable[[], exc.HttpError]:
    """What makes the ``HttpError`` of a ``STATUSCODES_EXCEPTION_MAP`` value.

    ``target`` is a status or the dotted path of an ``HttpError`` subclass; a ``TypeError``,
    ``ValueError`` or ``ImportError`` says why it cannot be one (the system check shows it).
    """
    if is_integer(target):
        status: int = target
        cls = exc.exception_class(status)
        factory: Callable[[], exc.HttpError] = (
            cls if cls is not None else lambda: exc.HttpError(status=status)
        )
    elif isinstance(target, str):
        imported = import_string(target)
        if not (isinstance(imported, type) and issubclass(imported, exc.HttpError)):
            raise TypeError(f"{target} is not an HttpError subclass")
        factory = imported
    else:
        raise TypeError(f"{target!r} is neither a status nor a dotted path")
    factory()  # a status that needs keywords (405's allow) cannot be built here
    return factory


def _host_table() -> dict[type[BaseException], Converter]:
    """``STATUSCODES_EXCEPTION_MAP``, read on each call; entries the check reports are skipped."""
    configured = app_settings.EXCEPTION_MAP
    table: dict[type[BaseException], Converter] = {}
    if not isinstance(configured, Mapping):
        return table
    for path, target in configured.items():
        try:
            cls = import_string(path)
            factory = error_factory(target)
        except (ImportError, TypeError, ValueError):
            continue
        if isinstance(cls, type) and issubclass(cls, BaseException):
            table[cls] = _ignoring_the_exception(factory)
    return table


def _ignoring_the_exception(factory: Callable[[], exc.HttpError]) -> Converter:
    # The host's exception says nothing the client may see: only its class matters.
    return lambda error: factory()


def _builtin_table() -> dict[type[BaseException], Converter]:
    table = dict(_BUILTIN)
    try:
        ratelimited = import_string(RATELIMITED)
    except ImportError:
        return table  # django-ratelimit is optional
    table[ratelimited] = _ratelimited
    return table


def as_http_error(exception: BaseException) -> exc.HttpError | None:
    """The ``HttpError`` that ``exception`` stands for, or ``None`` to leave it to Django."""
    if isinstance(exception, exc.HttpError):
        return exception
    host, builtin = _host_table(), _builtin_table()
    for cls in type(exception).__mro__:
        for table in (host, builtin):
            convert = table.get(cls)
            error = convert(exception) if convert is not None else None
            if error is not None:
                return error
    return None


def report(
    request: HttpRequest,
    exception: BaseException,
    response: HttpResponse,
    *,
    sender: type[Any] | None,
) -> None:
    """Tell monitoring and the log about a response rendered from ``exception``, as Django would.

    A 5xx sends ``got_request_exception`` (Sentry's Django integration captures it) and is
    logged by ``django.request`` with its traceback, once: the response is marked as logged. A
    ``SuspiciousOperation`` goes to ``django.security.<class>`` as in Django. Other 4xx are left
    to Django, which logs them as warnings.
    """
    if response.status_code >= 500:
        # Receivers (Sentry's) read sys.exc_info(): this runs while the exception is handled,
        # also for async requests, whose process_exception asgiref calls inside it.
        got_request_exception.send(sender=sender, request=request)
        log_response(
            "%s: %s",
            response.reason_phrase,
            request.path,
            response=response,
            request=request,
            exception=exception,
        )
    elif isinstance(exception, dj.SuspiciousOperation):
        log_response(
            str(exception),
            exception=exception,
            request=request,
            response=response,
            level="error",
            logger=logging.getLogger(f"django.security.{type(exception).__name__}"),
        )
