"""Content negotiation and the three renderings of a status: problem+json, HTML and text."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Mapping
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import select_template
from django.urls import NoReverseMatch, get_urlconf, reverse
from django.utils import translation
from django.utils.functional import Promise

from statuscodes import caches, catalog
from statuscodes.caching import Metadata
from statuscodes.exceptions import HttpError, build_headers
from statuscodes.headers import reason_phrase
from statuscodes.protocol import header_for_keyword, rules_for

__all__ = [
    "OUTAGE_ERRORS",
    "OUTAGE_RETRY_AFTER",
    "PAGE_URL_NAME",
    "PROBLEM_JSON",
    "Format",
    "negotiate",
    "page_url",
    "problem_type",
    "render_error",
    "render_outage",
    "render_status",
    "request_language",
]

Format = Literal["json", "html", "text"]

logger = logging.getLogger("statuscodes")

PROBLEM_JSON = "application/problem+json"
_OFFERED: dict[str, Format] = {
    PROBLEM_JSON: "json",
    "application/json": "json",
    "text/html": "html",
    "text/plain": "text",
}
#: The name under which ``statuscodes.urls`` serves the reference page of one code.
PAGE_URL_NAME = "statuscodes:code-detail"


def negotiate(request: HttpRequest) -> Format:
    """The format the client prefers by ``Accept`` and its q-values; problem+json by default.

    A missing or empty ``Accept`` and ``*/*`` give problem+json, and so does an ``Accept`` that
    names nothing offered: an error is better shown in some format than replaced by a 406.
    """
    if not request.META.get("HTTP_ACCEPT", "").strip():
        return "json"
    preferred = request.get_preferred_type(list(_OFFERED))
    return _OFFERED[preferred] if preferred else "json"


def request_language(request: HttpRequest) -> str:
    """The language the request asked for, as ``LocaleMiddleware`` (or the active language) says."""
    return getattr(request, "LANGUAGE_CODE", None) or translation.get_language() or "en"


def page_url(request: HttpRequest, code: int) -> str | None:
    """The URL of the status's reference page, or ``None`` if the pages are not mounted.

    Absolute, but for a request whose ``Host`` is not in ``ALLOWED_HOSTS``: that host cannot be
    trusted to build a URL, so the path alone is given (a relative reference, RFC 9457 §3.1.1).
    """
    path = _page_path(get_urlconf() or settings.ROOT_URLCONF, code)
    if path is None:
        return None
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path


def problem_type(request: HttpRequest, code: int) -> str:
    """The problem ``type``: the status's reference page, or about:blank (RFC 9457 §4.2.1)."""
    return page_url(request, code) or "about:blank"


@functools.lru_cache(maxsize=1024)
def _page_path(urlconf: str, code: int) -> str | None:
    # Cached per URLconf: a failed reverse() is costly and errors are rendered often.
    try:
        return reverse(PAGE_URL_NAME, kwargs={"code": code}, urlconf=urlconf)
    except NoReverseMatch:
        return None


caches.register("rendering.page_paths", _page_path.cache_clear)


def render_status(
    request: HttpRequest,
    status: int,
    *,
    detail: str | Promise | None = None,
    headers: Mapping[str, str] | None = None,
    extensions: Mapping[str, Any] | None = None,
    language: str | None = None,
) -> HttpResponse:
    """The response for ``status`` in the negotiated format and the request's language.

    ``detail`` is text from the caller; without it the stored description is used. ``extensions``
    are extra problem members (RFC 9457 §3.2), shown only in problem+json. ``language`` is the
    language to serve where the caller has chosen it (the API's ``?lang``); without it the
    request's language is used, which ``LocaleMiddleware`` may take from a cookie.
    """
    explicit = language is not None
    found = catalog.lookup(status, language if explicit else request_language(request))
    rules = rules_for(status)
    if rules.forbids_content:
        response = HttpResponse(status=status)
        del response["Content-Type"]
    else:
        content, content_type = _body(request, found, detail, headers or {}, extensions or {})
        response = HttpResponse(content, content_type=content_type, status=status)
        response["X-Content-Type-Options"] = "nosniff"
    phrase = reason_phrase(found.phrase)
    if phrase:
        response.reason_phrase = phrase
    for name, value in (headers or {}).items():
        response[name] = value
    # The body follows the language cookie too where LocaleMiddleware chose the language.
    vary = _VARY if explicit or not hasattr(request, "LANGUAGE_CODE") else _VARY_COOKIE
    metadata = Metadata(
        cache_control="no-store" if rules.no_store else None,
        language=found.text.title_language or None,
        vary=vary,
    )
    return metadata.apply(response)


def render_error(
    request: HttpRequest, error: HttpError, *, language: str | None = None
) -> HttpResponse:
    """The response for a raised :class:`~statuscodes.exceptions.HttpError`."""
    return render_status(
        request,
        error.status_code,
        detail=error.detail,
        headers=error.headers,
        extensions=error.extensions,
        language=language,
    )


_LOCATION = header_for_keyword("location")
_VARY = ("Accept", "Accept-Language")
_VARY_COOKIE = (*_VARY, "Cookie")

#: Seconds a client is asked to wait (``Retry-After``) when the database does not answer.
OUTAGE_RETRY_AFTER = 5
#: The errors of a database that does not answer now (down, restarting, locked), as opposed to
#: errors of the query itself.
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def render_outage(request: HttpRequest, *, language: str | None = None) -> HttpResponse:
    """A 503 with ``Retry-After`` for a view of the app whose database did not answer.

    Called from an ``except DatabaseError`` block: the error is logged with its traceback.
    """
    logger.error("The database did not answer %s: answered 503.", request.path, exc_info=True)
    headers = build_headers(503, {"retry_after": OUTAGE_RETRY_AFTER}, {})
    return render_status(request, 503, headers=headers, language=language)


def _body(
    request: HttpRequest,
    found: catalog.Lookup,
    detail: str | Promise | None,
    headers: Mapping[str, str],
    extensions: Mapping[str, Any],
) -> tuple[bytes | str, str]:
    status, text = found.code, found.text
    # A code the database does not hold has no reference page to point at.
    type_url = problem_type(request, status) if found.stored else "about:blank"
    shown_detail = str(detail) if detail is not None else text.description
    fmt = negotiate(request)
    if fmt == "json":
        problem: dict[str, Any] = {"type": type_url, "title": text.title, "status": status}
        if shown_detail:  # an optional member: absent rather than empty (RFC 9457 §3.1.4)
            problem["detail"] = shown_detail
        problem["instance"] = request.path
        for key, value in extensions.items():
            problem.setdefault(key, value)
        return _encode(json.dumps(problem, ensure_ascii=False)), PROBLEM_JSON
    if fmt == "html":
        language = text.title_language or translation.get_language() or "en"
        template = select_template([f"statuscodes/errors/{status}.html", "statuscodes/error.html"])
        context = {
            "status": status,
            "phrase": found.phrase,
            "title": text.title,
            "detail": shown_detail,
            "language": language,
            "location": headers.get(_LOCATION, ""),
            "type_url": "" if type_url == "about:blank" else type_url,
        }
        with translation.override(language):
            return _encode(template.render(context)), "text/html; charset=utf-8"
    if not shown_detail:
        return _encode(f"{status} {text.title}\n"), "text/plain; charset=utf-8"
    return _encode(f"{status} {text.title}\n\n{shown_detail}\n"), "text/plain; charset=utf-8"


def _encode(text: str) -> bytes:
    # An error message may quote what the client sent, unpaired surrogates included: written
    # as \udXXX escapes (valid JSON, readable text) rather than failing to encode.
    return text.encode("utf-8", "backslashreplace")
