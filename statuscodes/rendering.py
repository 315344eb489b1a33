"""Content negotiation and the three renderings of a status: problem+json, HTML and text."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
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
from statuscodes.conf import app_settings
from statuscodes.exceptions import HttpError, build_headers, check_extensions
from statuscodes.headers import check_header_name, check_header_value, reason_phrase
from statuscodes.protocol import header_for_keyword, rules_for

__all__ = [
    "OUTAGE_ERRORS",
    "OUTAGE_RETRY_AFTER",
    "PAGE_URL_NAME",
    "PROBLEM_JSON",
    "PROBLEM_URL_NAME",
    "Format",
    "Problem",
    "negotiate",
    "page_path",
    "page_url",
    "problem_path",
    "problem_type",
    "problem_type_url",
    "render_error",
    "render_outage",
    "render_status",
    "request_language",
    "respond",
    "run_hook",
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
#: The name under which ``statuscodes.urls`` serves the page of one problem type.
PROBLEM_URL_NAME = "statuscodes:problem-detail"


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
    path = page_path(get_urlconf() or settings.ROOT_URLCONF, code)
    return None if path is None else _absolute(request, path)


def problem_type_url(request: HttpRequest, slug: str) -> str:
    """The ``type`` of a problem type of the host's: its page, or a ``tag:`` URI without pages.

    A ``tag:`` URI (RFC 4151) names the type without claiming an address (RFC 9457 §3.1.1).
    """
    path = problem_path(get_urlconf() or settings.ROOT_URLCONF, slug)
    if path is None:
        return f"tag:{_TAG_AUTHORITY}:problems/{slug}"
    return _absolute(request, path)


def _absolute(request: HttpRequest, path: str) -> str:
    """``path`` as an absolute URL; the path alone for a host ``ALLOWED_HOSTS`` refuses."""
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path


#: The authority and date of the tag URIs that name problem types when no page is mounted.
_TAG_AUTHORITY = "django-statuscodes.invalid,2026"


def problem_type(request: HttpRequest, code: int) -> str:
    """The problem ``type``: the status's reference page, or about:blank (RFC 9457 §4.2.1)."""
    return page_url(request, code) or "about:blank"


@functools.lru_cache(maxsize=1024)
def page_path(urlconf: str, code: int) -> str | None:
    """The path of the status's reference page in ``urlconf``, or ``None`` without the pages."""
    # Cached per URLconf: a failed reverse() is costly and errors are rendered often.
    try:
        return reverse(PAGE_URL_NAME, kwargs={"code": code}, urlconf=urlconf)
    except NoReverseMatch:
        return None


@functools.lru_cache(maxsize=1024)
def problem_path(urlconf: str, slug: str) -> str | None:
    """The path of the problem type's page in ``urlconf``, or ``None`` without the pages."""
    try:
        return reverse(PROBLEM_URL_NAME, kwargs={"slug": slug}, urlconf=urlconf)
    except NoReverseMatch:
        return None


caches.register("rendering.page_paths", page_path.cache_clear)
caches.register("rendering.problem_paths", problem_path.cache_clear)


@dataclass
class Problem:
    """One problem as it is about to be rendered; the problem hook may add to it.

    ``extensions`` are the extra members (RFC 9457 §3.2) and ``headers`` the response headers
    besides those the renderer sets; a hook may add to both.
    """

    status: int
    type: str
    title: str
    detail: str
    language: str | None
    phrase: str
    extensions: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    #: The status's own reference page, when ``type`` names a problem type of the host's.
    status_url: str = ""


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
    are extra problem members (RFC 9457 §3.2). ``language`` is the language to serve where the
    caller has chosen it (the API's ``?lang``); without it the request's language is used, which
    ``LocaleMiddleware`` may take from a cookie.
    """
    found = catalog.lookup(status, language or request_language(request))
    problem = Problem(
        status=status,
        # A code the database does not hold has no reference page to point at.
        type=problem_type(request, status) if found.stored else "about:blank",
        title=found.text.title,
        detail=str(detail) if detail is not None else found.text.description,
        language=found.text.title_language or None,
        phrase=found.phrase,
        extensions=dict(extensions or {}),
        headers=dict(headers or {}),
    )
    return respond(request, problem, explicit_language=language is not None)


def render_error(
    request: HttpRequest, error: HttpError, *, language: str | None = None
) -> HttpResponse:
    """The response for a raised :class:`~statuscodes.exceptions.HttpError`.

    A problem type of the host's (``type_slug``) brings its own ``type``, title and description.
    """
    if error.type_slug is None:
        return render_status(
            request,
            error.status_code,
            detail=error.detail,
            headers=error.headers,
            extensions=error.extensions,
            language=language,
        )
    served = language or request_language(request)
    current = catalog.current()  # one version query for both lookups
    found = catalog.lookup(error.status_code, served, current)
    text = catalog.problem_text(type(error), served, current)
    detail = error.detail if error.explicit_detail else text.description or error.detail
    problem = Problem(
        status=error.status_code,
        type=problem_type_url(request, error.type_slug),
        title=text.title or found.text.title,
        detail="" if detail is None else str(detail),
        language=(text.title_language if text.title else found.text.title_language) or None,
        phrase=found.phrase,
        extensions=dict(error.extensions),
        headers=dict(error.headers),
        status_url=page_url(request, error.status_code) or "",
    )
    return respond(request, problem, explicit_language=language is not None)


def respond(request: HttpRequest, problem: Problem, *, explicit_language: bool) -> HttpResponse:
    """The negotiated response of ``problem``, after the host's problem hook has seen it."""
    run_hook(request, problem)
    rules = rules_for(problem.status)
    if rules.forbids_content:
        response = HttpResponse(status=problem.status)
        del response["Content-Type"]
    else:
        content, content_type = _body(request, problem)
        response = HttpResponse(content, content_type=content_type, status=problem.status)
        response["X-Content-Type-Options"] = "nosniff"
    phrase = reason_phrase(problem.phrase)
    if phrase:
        response.reason_phrase = phrase
    for name, value in problem.headers.items():
        response[name] = value
    # The body follows the language cookie too where LocaleMiddleware chose the language.
    vary = _VARY if explicit_language or not hasattr(request, "LANGUAGE_CODE") else _VARY_COOKIE
    metadata = Metadata(
        cache_control="no-store" if rules.no_store else None,
        language=problem.language,
        vary=vary,
    )
    return metadata.apply(response)


def run_hook(request: HttpRequest, problem: Problem) -> None:
    """Let ``STATUSCODES_PROBLEM_HOOK`` add members and headers; what it adds is validated."""
    hook = app_settings.problem_hook()
    if hook is None:
        return
    hook(request, problem)
    problem.extensions = check_extensions(problem.extensions)
    problem.headers = {
        check_header_name(name): check_header_value(name, value)
        for name, value in problem.headers.items()
    }


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


def _body(request: HttpRequest, problem: Problem) -> tuple[bytes | str, str]:
    fmt = negotiate(request)
    if fmt == "json":
        return _encode(json.dumps(_members(request, problem), ensure_ascii=False)), PROBLEM_JSON
    extensions = [(name, _shown(value)) for name, value in problem.extensions.items()]
    if fmt == "html":
        language = problem.language or translation.get_language() or "en"
        status = problem.status
        template = select_template([f"statuscodes/errors/{status}.html", "statuscodes/error.html"])
        context = {
            "status": status,
            "phrase": problem.phrase,
            "title": problem.title,
            "detail": problem.detail,
            "language": language,
            "location": problem.headers.get(_LOCATION, ""),
            "type_url": "" if problem.type == "about:blank" else problem.type,
            "status_url": problem.status_url,
            "extensions": extensions,
        }
        with translation.override(language):
            return _encode(template.render(context)), "text/html; charset=utf-8"
    lines = [f"{problem.status} {problem.title}"]
    if problem.detail:
        lines += ["", problem.detail]
    if extensions:
        lines += ["", *(f"{name}: {value}" for name, value in extensions)]
    return _encode("\n".join(lines) + "\n"), "text/plain; charset=utf-8"


def _members(request: HttpRequest, problem: Problem) -> dict[str, Any]:
    members: dict[str, Any] = {"type": problem.type, "title": problem.title}
    members["status"] = problem.status
    if problem.detail:  # an optional member: absent rather than empty (RFC 9457 §3.1.4)
        members["detail"] = problem.detail
    members["instance"] = request.path
    for key, value in problem.extensions.items():
        members.setdefault(key, value)
    return members


def _shown(value: Any) -> str:
    """An extension's value as the HTML and text renderings show it: text as is, else JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _encode(text: str) -> bytes:
    # An error message may quote what the client sent, unpaired surrogates included: written
    # as \udXXX escapes (valid JSON, readable text) rather than failing to encode.
    return text.encode("utf-8", "backslashreplace")
