"""The reference pages: the list of codes and a page per code, in the visitor's language.

Every page reads the cached catalogue (one query when warm) and answers conditional requests
before rendering: its strong ETag covers the data version, the page language and everything else
the bytes depend on (templates, static URLs, translation catalogues, the app's version).
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from statuscodes import caches, catalog
from statuscodes.caching import Metadata, add_vary
from statuscodes.exceptions import HttpError, NotFound, problem_types
from statuscodes.forms import CLASS_NAMES, CodeFilterForm
from statuscodes.languages import configured_languages
from statuscodes.models import LocalizedText, StatusCode
from statuscodes.protocol import rules_for
from statuscodes.rendering import (
    OUTAGE_ERRORS,
    PAGE_URL_NAME,
    PROBLEM_URL_NAME,
    render_error,
    render_outage,
)
from statuscodes.search import matches, normalize_search
from statuscodes.snippets import problem_snippet, raise_snippet

__all__ = [
    "CACHE_CONTROL",
    "LIST_URL_NAME",
    "PROBLEM_LIST_URL_NAME",
    "STATIC_FILES",
    "STATUS_NOTES",
    "TEMPLATES",
    "VARY",
    "ProblemRow",
    "Row",
    "code_detail",
    "code_list",
    "forget_representations",
    "problem_detail",
    "problem_list",
]

LIST_URL_NAME = "statuscodes:code-list"
PROBLEM_LIST_URL_NAME = "statuscodes:problem-list"
TEMPLATES = (
    "statuscodes/pages/base.html",
    "statuscodes/pages/language_switch.html",
    "statuscodes/pages/list.html",
    "statuscodes/pages/detail.html",
    "statuscodes/pages/not_found.html",
    "statuscodes/pages/problem_list.html",
    "statuscodes/pages/problem_detail.html",
)
STATIC_FILES = ("statuscodes/statuscodes.css", "statuscodes/statuscodes.js")
#: Short enough for an edit in the admin to show soon; revalidation is one query anyway.
CACHE_CONTROL = "max-age=60"
VARY = ("Accept-Language", "Cookie")

STATUS_NOTES: dict[str, str | Promise] = {
    StatusCode.Status.TEMPORARY: _("Registered provisionally: the specification may still change."),
    StatusCode.Status.UNUSED: _("Reserved by the registry and no longer used."),
    StatusCode.Status.OBSOLETED: _("Obsoleted: avoid it in new services."),
    StatusCode.Status.UNOFFICIAL: _("Not in the IANA registry: only some servers send it."),
}


@dataclass(frozen=True)
class Row:
    """One code as the pages show it."""

    code: int
    phrase: str
    status: str
    status_label: str | Promise
    text: LocalizedText
    url: str


def _page_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page view whose errors are rendered like any status, without the middleware.

    A failed precondition is a 412; a database that does not answer a 503 with ``Retry-After``,
    not a 500.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except HttpError as error:
            # An error about this request, not the page: no validator, no freshness for caches.
            response = render_error(request, error)
        except OUTAGE_ERRORS:
            response = render_outage(request)
        return add_vary(response, VARY)

    return wrapper


@require_safe
@_page_view
def code_list(request: HttpRequest) -> HttpResponse:
    """All codes grouped by class, filtered by ``?q=``, ``?class=`` and ``?standard=``."""
    current = catalog.get_catalog()
    language = _language()
    form = CodeFilterForm(request.GET)
    valid = form.is_valid()
    metadata = _metadata(current.version, language, "list")
    if valid and (answer := metadata.answer(request)) is not None:
        return answer
    # An invalid field is dropped from the filters and explained above the list.
    filters = form.cleaned_data
    search = normalize_search(filters.get("q") or "")
    digit: int | None = filters.get("class")
    rows = [
        row
        for row in _rows(current, language)
        if (digit is None or row.code // 100 == digit)
        and (not filters.get("standard") or row.status == StatusCode.Status.STANDARD)
        and (not search or matches(current.entries[row.code], search, language=language))
    ]
    groups = [
        {"digit": d, "name": name, "rows": [row for row in rows if row.code // 100 == d]}
        for d, name in CLASS_NAMES.items()
    ]
    context = {
        "form": form,
        "search": filters.get("q") or "",
        "selected_class": f"{digit}xx" if digit else "",
        "standard_only": bool(filters.get("standard")),
        "filtered": bool(search or digit or filters.get("standard")),
        "groups": [group for group in groups if group["rows"]],
        "count": len(rows),
        **_page_context(request, language),
    }
    if not valid:  # the page explains the bad filter: not a representation to cache
        metadata = Metadata(language=language, vary=VARY)
    return metadata.apply(
        render(request, "statuscodes/pages/list.html", context, status=200 if valid else 400)
    )


@require_safe
@_page_view
def code_detail(request: HttpRequest, code: int) -> HttpResponse:
    """One code: its texts, what the RFCs require of it, and how to raise it."""
    current = catalog.get_catalog()
    language = _language()
    entry = current.get(code)
    if entry is None:
        return _not_found(request, current, code, language)
    metadata = _metadata(current.version, language, "detail")
    if (answer := metadata.answer(request)) is not None:
        return answer
    codes = sorted(current.entries)
    index = codes.index(code)
    rows = {
        neighbour: _row(current.entries[neighbour], language)
        for neighbour in codes[max(index - 1, 0) : index + 2]
    }
    status = entry.code
    context = {
        "status": status,
        "row": rows[code],
        "text": rows[code].text,
        "class_name": CLASS_NAMES.get(code // 100, ""),
        "status_note": STATUS_NOTES.get(status.status, ""),
        "rules": rules_for(code),
        "snippet": raise_snippet(code, unused=status.status == StatusCode.Status.UNUSED),
        "previous": rows[codes[index - 1]] if index > 0 else None,
        "next": rows[codes[index + 1]] if index + 1 < len(codes) else None,
        **_page_context(request, language),
    }
    return metadata.apply(render(request, "statuscodes/pages/detail.html", context))


@require_safe
@_page_view
def problem_list(request: HttpRequest) -> HttpResponse:
    """The host's problem types, each with its status."""
    current = catalog.get_catalog()
    language = _language()
    metadata = _metadata(current.version, language, "problems")
    if (answer := metadata.answer(request)) is not None:
        return answer
    rows = [
        _problem_row(current, entry, language) for _slug, entry in sorted(current.problems.items())
    ]
    context = {"rows": rows, **_page_context(request, language)}
    return metadata.apply(render(request, "statuscodes/pages/problem_list.html", context))


@require_safe
@_page_view
def problem_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One problem type: the page its ``type`` URL names (RFC 9457 §3.1.1)."""
    current = catalog.get_catalog()
    language = _language()
    entry = current.problems.get(slug)
    if entry is None:
        raise NotFound(_("There is no problem type “%(slug)s” here.") % {"slug": slug})
    # The type's own content, not the data version: an edit of a status code leaves it alone.
    metadata = Metadata(
        _etag(entry.fingerprint, language, f"problem|{slug}"), CACHE_CONTROL, language, VARY
    )
    if (answer := metadata.answer(request)) is not None:
        return answer
    row = _problem_row(current, entry, language)
    declared = problem_types().get(slug)
    context = {
        "row": row,
        "snippet": problem_snippet(declared) if declared is not None else None,
        "problems_url": reverse(PROBLEM_LIST_URL_NAME),
        **_page_context(request, language),
    }
    return metadata.apply(render(request, "statuscodes/pages/problem_detail.html", context))


@dataclass(frozen=True)
class ProblemRow:
    """One problem type as the pages show it."""

    slug: str
    text: LocalizedText
    status: int
    status_title: str
    status_url: str | None
    exception: str
    url: str


def _problem_row(
    current: catalog.Catalog, entry: catalog.ProblemEntry, language: str
) -> ProblemRow:
    row = entry.problem_type
    status = current.get(row.status)
    return ProblemRow(
        slug=row.slug,
        text=entry.text(language),
        status=row.status,
        status_title=status.text(language).title if status else "",
        status_url=reverse(PAGE_URL_NAME, kwargs={"code": row.status}) if status else None,
        exception=row.exception,
        url=reverse(PROBLEM_URL_NAME, kwargs={"slug": row.slug}),
    )


def _not_found(
    request: HttpRequest, current: catalog.Catalog, code: int, language: str
) -> HttpResponse:
    entry = current.get(404)
    title = entry.text(language).title if entry else catalog.lookup(404, language).text.title
    context = {"code": code, "title": title, **_page_context(request, language)}
    response = render(request, "statuscodes/pages/not_found.html", context, status=404)
    return Metadata(language=language, vary=VARY).apply(response)


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _page_context(request: HttpRequest, language: str) -> dict[str, Any]:
    return {
        "page_language": language,
        "page_url": request.get_full_path(),
        "list_url": reverse(LIST_URL_NAME),
    }


def _rows(current: catalog.Catalog, language: str) -> list[Row]:
    return [_row(current.entries[code], language) for code in sorted(current.entries)]


def _row(entry: catalog.Entry, language: str) -> Row:
    status = entry.code
    return Row(
        code=status.code,
        phrase=status.phrase,
        status=status.status,
        status_label=_status_label(status.status),
        text=entry.text(language),
        url=reverse(PAGE_URL_NAME, kwargs={"code": status.code}),
    )


def _status_label(value: str) -> str | Promise:
    try:
        return StatusCode.Status(value).label
    except ValueError:  # a value written past the model's choices
        return value


def _metadata(version: int, language: str, page: str) -> Metadata:
    return Metadata(_etag(version, language, page), CACHE_CONTROL, language, VARY)


def _etag(version: int | str, language: str, page: str) -> str:
    key = f"{version}|{language}|{page}|{_representation(language)}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:24] + '"'


_representations: dict[str, str] = {}


def _representation(language: str) -> str:
    """A digest of what the bytes of a page depend on besides the data.

    Computed once per process and language, since templates and catalogues only change with a
    deploy; always afresh under ``DEBUG``, where the autoreloader does not restart on template
    edits. Templates that the page templates extend or include from a host are not followed.
    """
    cached = _representations.get(language)
    if cached is not None and not settings.DEBUG:
        return cached
    digest = hashlib.sha256()
    for part in _representation_parts(language):
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    value = digest.hexdigest()[:16]
    if language in configured_languages():  # the only keys: the cache stays bounded
        _representations[language] = value
    return value


def _representation_parts(language: str) -> list[str | bytes]:
    try:
        version = importlib.metadata.version("django-statuscodes")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout
        version = ""
    parts: list[str | bytes] = [version, django.get_version(), settings.LANGUAGE_CODE]
    parts += [f"{code}={name}" for code, name in settings.LANGUAGES]
    parts += [reverse(LIST_URL_NAME)]
    parts += [static(path) for path in STATIC_FILES]
    for name in TEMPLATES:
        parts.append(str(getattr(getattr(get_template(name), "template", None), "source", name)))
    locale = translation.to_locale(language)
    for directory in [Path(__file__).parent / "locale", *settings.LOCALE_PATHS]:
        found = gettext.find("django", str(directory), [locale])
        if found:
            parts.append(Path(found).read_bytes())
    return parts


def forget_representations(**kwargs: Any) -> None:
    """Receiver of ``setting_changed``: templates, static URLs or languages may differ now."""
    _representations.clear()


caches.register("pages.representations", _representations.clear)
