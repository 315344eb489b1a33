"""The query parameters of the API, validated: a bad value is a 400 that says what is wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from statuscodes.languages import (
    accept_language,
    configured_languages,
    generic_language,
    normalize_language,
)
from statuscodes.models import StatusCode
from statuscodes.search import SEARCH_MAX_LENGTH, normalize_search

__all__ = [
    "ALL",
    "InvalidParameters",
    "ListParams",
    "ProblemParams",
    "header_language",
    "parse_language",
    "parse_list_params",
    "parse_problem_params",
    "served_language",
]

ALL = "all"


class InvalidParameters(ValidationError):
    """Query parameters with bad values: ``{"class": "message"}``."""

    def __init__(self, parameters: dict[str, str]) -> None:
        super().__init__(parameters)
        self.parameters = parameters


def _supported(tag: str) -> str | None:
    """The configured language that serves ``tag`` (``ru-RU`` is served ``ru``), if any."""
    supported = configured_languages()
    for candidate in (normalize_language(tag), generic_language(tag)):
        if candidate in supported:
            return candidate
    return None


def parse_language(request: HttpRequest) -> str | None:
    """The language to serve: ``?lang=`` first, then ``Accept-Language``, then LANGUAGE_CODE.

    ``None`` stands for ``?lang=all``. An unsupported ``lang`` raises :class:`InvalidParameters`.
    """
    lang = request.GET.get("lang")
    if lang is not None:
        if lang == ALL:
            return None
        # Exactly one of the documented values: a contract, unlike Accept-Language's hints.
        if lang not in configured_languages():
            raise InvalidParameters(
                {
                    "lang": _("“%(lang)s” is not supported; use one of: %(supported)s.")
                    % {"lang": lang, "supported": ", ".join([*configured_languages(), ALL])}
                }
            )
        return lang
    return header_language(request)


def header_language(request: HttpRequest) -> str:
    """The configured language ``Accept-Language`` prefers, else ``LANGUAGE_CODE``."""
    for tag in accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if tag != "*" and (served := _supported(tag)) is not None:
            return served
    return normalize_language(settings.LANGUAGE_CODE)


def served_language(request: HttpRequest) -> str:
    """The one language the API's texts and messages are in for this request.

    ``?lang=all`` serves the messages in ``LANGUAGE_CODE``; an invalid ``lang`` (itself a 400)
    in the language ``Accept-Language`` asks for.
    """
    try:
        language = parse_language(request)
    except InvalidParameters:
        return header_language(request)
    return normalize_language(settings.LANGUAGE_CODE) if language is None else language


@dataclass(frozen=True)
class ListParams:
    language: str | None
    code_class: int | None
    status: str | None
    search: str
    descending: bool


def parse_list_params(request: HttpRequest) -> ListParams:
    """Every filter of the list, validated together so that one 400 names every bad value."""
    errors: dict[str, str] = {}
    params = request.GET
    language: str | None = None
    try:
        language = parse_language(request)
    except InvalidParameters as error:
        errors.update(error.parameters)
    code_class = _code_class(params.get("class"), errors)
    status = params.get("status")
    ordering = params.get("ordering", "code")
    search = params.get("search", "")
    errors.update(_choice_errors(status, ordering, search))
    if errors:
        raise InvalidParameters(errors)
    return ListParams(
        language=language,
        code_class=code_class,
        status=status,
        # Normalised here, so that the cache key and the matching agree (ё = е, any case).
        search=normalize_search(search),
        descending=ordering == "-code",
    )


def _code_class(raw: str | None, errors: dict[str, str]) -> int | None:
    if raw is None:
        return None
    value = raw.removesuffix("xx")
    if len(value) == 1 and value in "12345":
        return int(value)
    errors["class"] = _("“%(value)s” is not a class; use 1xx to 5xx (or 1 to 5).") % {"value": raw}
    return None


def _choice_errors(status: str | None, ordering: str, search: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if status is not None and status not in StatusCode.Status.values:
        errors["status"] = _("“%(value)s” is not a status; use one of: %(choices)s.") % {
            "value": status,
            "choices": ", ".join(StatusCode.Status.values),
        }
    if ordering not in {"code", "-code"}:
        errors["ordering"] = _("“%(value)s” is not an ordering; use code or -code.") % {
            "value": ordering
        }
    if len(search) > SEARCH_MAX_LENGTH:
        errors["search"] = _("The search text is too long: at most %(limit)d characters.") % {
            "limit": SEARCH_MAX_LENGTH
        }
    return errors


@dataclass(frozen=True)
class ProblemParams:
    language: str | None
    status: int | None
    search: str


def parse_problem_params(request: HttpRequest) -> ProblemParams:
    """The filters of ``problem-types/``: ``lang``, ``status`` (a number) and ``search``."""
    errors: dict[str, str] = {}
    language: str | None = None
    try:
        language = parse_language(request)
    except InvalidParameters as error:
        errors.update(error.parameters)
    raw = request.GET.get("status")
    status = int(raw) if raw is not None and _STATUS.fullmatch(raw) else None
    if raw is not None and status is None:
        errors["status"] = _("“%(value)s” is not a status code; use a number such as 409.") % {
            "value": raw
        }
    search = request.GET.get("search", "")
    errors.update(_choice_errors(None, "code", search))
    if errors:
        raise InvalidParameters(errors)
    return ProblemParams(language, status, normalize_search(search))


_STATUS = re.compile(r"[1-5][0-9]{2}")
