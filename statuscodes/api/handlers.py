"""``exception_handler``: Django REST framework's exceptions as RFC 9457 problem details.

Opt in with ``REST_FRAMEWORK = {"EXCEPTION_HANDLER": "statuscodes.api.exception_handler"}``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions as drf
from rest_framework.request import Request
from rest_framework.views import set_rollback

from statuscodes.api.declarations import warn_if_undeclared
from statuscodes.api.params import InvalidParameters
from statuscodes.exceptions import build_headers
from statuscodes.mapping import DEFAULT_CODE, as_http_error, json_pointer, report
from statuscodes.rendering import OUTAGE_ERRORS, render_error, render_outage, render_status

__all__ = ["exception_handler", "json_pointer", "validation_errors"]


def validation_errors(detail: Any, path: list[str | int] | None = None) -> list[dict[str, str]]:
    """Flatten a ``ValidationError.detail`` into ``[{"detail", "pointer", "code"}]``.

    Errors that concern no single field (``non_field_errors``) point at the whole document, ``""``.
    ``code`` is the ``ErrorDetail``'s (``required``, ``max_length``...), ``invalid`` for text
    that carries none.
    """
    path = path or []
    if isinstance(detail, Mapping):
        errors = []
        for key, value in detail.items():
            inner = path if key in {"non_field_errors", "__all__"} else [*path, key]
            errors += validation_errors(value, inner)
        return errors
    if isinstance(detail, list):
        if all(isinstance(item, (str, Promise)) for item in detail):
            return [_item(message, path) for message in detail]
        errors = []
        for index, item in enumerate(detail):
            errors += validation_errors(item, [*path, index])
        return errors
    return [_item(detail, path)]


def _item(message: Any, path: list[str | int]) -> dict[str, str]:
    code = getattr(message, "code", None) or DEFAULT_CODE
    return {"detail": str(message), "pointer": json_pointer(path), "code": str(code)}


def _challenges(context: Mapping[str, Any]) -> list[str]:
    """Every challenge the view's authenticators offer (DRF itself asks only the first)."""
    view = context.get("view")
    request = context.get("request")
    if view is None or request is None:
        return []
    challenges = []
    for authenticator in view.get_authenticators():
        header = authenticator.authenticate_header(request)
        if header:
            challenges.append(header)
    return challenges


def exception_handler(
    exc: Exception, context: Mapping[str, Any], *, language: str | None = None
) -> HttpResponse | None:
    """Render DRF's exceptions, Django's 404 and 403, and ``HttpError`` as problem details.

    Returns ``None`` for anything else, so DRF re-raises it and Django's 500 handling applies.
    ``language`` is the language the view chose for its bodies (the app's API follows ``?lang``);
    without it the request's language is used.
    """
    response = _render(exc, context, language)
    if response is not None:
        # As DRF's own handler does: under ATOMIC_REQUESTS, a handled error commits nothing.
        set_rollback()
    view = context.get("view")
    if response is not None and isinstance(getattr(view, "headers", None), dict):
        # DRF's finalize_response() copies view.headers (Allow, Vary) over the response's own,
        # which would replace an exception's Allow and drop Accept-Language from Vary.
        kept = {k: v for k, v in view.headers.items() if k not in response}  # type: ignore[union-attr]
        view.headers = kept  # type: ignore[union-attr]
    return response


def _render(
    exc: Exception, context: Mapping[str, Any], language: str | None
) -> HttpResponse | None:
    request = context["request"]
    http_request: HttpRequest = request._request if isinstance(request, Request) else request
    render = functools.partial(render_status, http_request, language=language)
    if isinstance(exc, Http404):
        return render(404)
    if isinstance(exc, OUTAGE_ERRORS):
        # "database is locked", a lost connection: the same request may well work soon.
        return render_outage(http_request, language=language)
    if isinstance(exc, drf.APIException):
        status, headers = _status_and_headers(exc, context)
        detail, extensions = _detail(exc)
        return render(status, detail=detail, headers=headers, extensions=extensions)
    # HttpError, and what statuscodes.mapping maps: Django's own exceptions and the host's.
    error = as_http_error(exc)
    if error is None:
        return None
    if error is exc:  # raised by the view itself: is it among the problems it declares?
        warn_if_undeclared(context.get("view"), http_request.method or "GET", error)
    response = render_error(http_request, error, language=language)
    report(http_request, exc, response, sender=None)
    return response


def _status_and_headers(
    exc: drf.APIException, context: Mapping[str, Any]
) -> tuple[int, dict[str, str]]:
    """The status of a DRF exception and its headers, from the protocol table like any status."""
    given: dict[str, Any] = {}
    status = exc.status_code
    if isinstance(exc, (drf.NotAuthenticated, drf.AuthenticationFailed)):
        # A 401 needs a challenge (RFC 9110 §15.5.2): look at every authenticator, not the first.
        challenges = _challenges(context)
        status = 401 if challenges else 403
        if challenges:
            given["www_authenticate"] = challenges
    wait = getattr(exc, "wait", None) if isinstance(exc, drf.Throttled) else None
    if wait is not None:
        given["retry_after"] = max(0, math.ceil(wait))
    return status, build_headers(status, given, {})


def _detail(exc: drf.APIException) -> tuple[str, dict[str, Any]]:
    """The problem's ``detail`` and, for errors of several parts, its ``errors`` member."""
    if isinstance(exc, InvalidParameters):
        errors = [
            {"detail": str(message), "parameter": name, "code": DEFAULT_CODE}
            for name, message in exc.parameters.items()
        ]
        detail = ngettext(
            "The request has %(count)d invalid query parameter.",
            "The request has %(count)d invalid query parameters.",
            len(errors),
        ) % {"count": len(errors)}
        return detail, {"errors": errors}
    if isinstance(exc, drf.ValidationError):
        errors = validation_errors(exc.detail)
        detail = ngettext(
            "The request has %(count)d validation error.",
            "The request has %(count)d validation errors.",
            len(errors),
        ) % {"count": len(errors)}
        return detail, {"errors": errors}
    if isinstance(exc.detail, str):
        return str(exc.detail), {}
    return _("The request could not be processed."), {"errors": validation_errors(exc.detail)}
