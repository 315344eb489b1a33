"""The cached, versioned lookup of status code texts shared by errors, pages and the API.

Each process keeps the whole catalogue in memory (a few hundred rows) together with the data
version it was read at. Every lookup first asks the database for the current version, one cheap
query, and reloads when it moved, so an edit made in any process is seen by every process on its
next lookup. Saves and deletes move the version through signals; bulk writes that bypass them
(``QuerySet.update()``) must call :func:`statuscodes.models.bump_version`.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connections, router
from django.utils import translation

from statuscodes import caches, dataset
from statuscodes.exceptions import HttpError
from statuscodes.languages import FINAL_FALLBACK
from statuscodes.models import (
    DataVersion,
    LocalizedText,
    ProblemType,
    ProblemTypeTranslation,
    StatusCode,
    StatusCodeTranslation,
    TranslatedText,
    resolve_text,
)

__all__ = [
    "CLASS_TITLES",
    "Catalog",
    "Entry",
    "Lookup",
    "ProblemEntry",
    "clear",
    "current",
    "data_version",
    "declared_text",
    "fingerprint",
    "get_catalog",
    "lookup",
    "problem_text",
]


#: At most this many resolved texts are kept per entry (languages times LANGUAGE_CODE values).
_RESOLVED_PER_ENTRY = 32


@dataclass(frozen=True)
class Entry:
    """One status code as the catalogue holds it."""

    code: StatusCode
    translations: tuple[StatusCodeTranslation, ...]
    _resolved: dict[tuple[str | None, str], LocalizedText] = field(
        default_factory=dict, compare=False, repr=False
    )

    @functools.cached_property
    def fingerprint(self) -> str:
        """A digest of everything the entry holds: it changes exactly when the entry does."""
        return fingerprint(self.code, self.translations)

    def text(self, language: str | None) -> LocalizedText:
        # The entry never changes (a new version is a new catalogue), so resolve once per key.
        key = (language, settings.LANGUAGE_CODE)
        resolved = self._resolved.get(key)
        if resolved is None:
            resolved = resolve_text(self.translations, language)
            # A few languages are ever asked for; a caller passing arbitrary tags cannot grow it.
            if len(self._resolved) < _RESOLVED_PER_ENTRY:
                self._resolved[key] = resolved
        return resolved


def fingerprint(code: StatusCode, translations: Iterable[StatusCodeTranslation]) -> str:
    """A digest of a code's stored content and its texts in every language."""
    return _digest(
        [getattr(code, name) for name in ("code", *dataset.METADATA_FIELDS)], translations
    )


def _digest(fields: list[Any], translations: Iterable[TranslatedText]) -> str:
    texts = sorted((t.language, t.title, t.description) for t in translations)
    return hashlib.blake2b(repr([fields, texts]).encode(), digest_size=12).hexdigest()


@dataclass(frozen=True)
class ProblemEntry:
    """One problem type of the host's as the catalogue holds it."""

    problem_type: ProblemType
    translations: tuple[ProblemTypeTranslation, ...]

    @functools.cached_property
    def fingerprint(self) -> str:
        row = self.problem_type
        return _digest([row.slug, row.status, row.exception], self.translations)

    def text(self, language: str | None) -> LocalizedText:
        return resolve_text(self.translations, language)


@dataclass(frozen=True)
class Catalog:
    version: int
    entries: dict[int, Entry]

    def get(self, code: int) -> Entry | None:
        return self.entries.get(code)

    @functools.cached_property
    def problems(self) -> dict[str, ProblemEntry]:
        """The host's problem types by slug: two queries, the first time they are needed."""
        return {
            row.slug: ProblemEntry(row, tuple(row.translations.all()))
            for row in ProblemType.objects.with_translations()
        }


_UNSET: Any = object()


def problem_text(
    cls: type[HttpError], language: str | None, catalog: Catalog | None = _UNSET
) -> LocalizedText:
    """The title and description of the problem type ``cls`` declares, in ``language``.

    The stored texts, which editors change; the class's own defaults where the type is not
    registered yet or the database does not answer.
    """
    if catalog is _UNSET:
        catalog = current()
    try:
        entry = catalog.problems.get(cls.type_slug or "") if catalog is not None else None
    except (DatabaseError, InterfaceError):
        entry = None
    if entry is not None:
        text = entry.text(language)
        if text.title:
            return text
    return declared_text(cls, language)


def declared_text(cls: type[HttpError], language: str | None) -> LocalizedText:
    """The class's ``default_title`` and ``default_detail`` in ``language``, as gettext has them."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        title = str(cls.default_title or "")
        description = str(cls.default_detail or "")
    with translation.override(FINAL_FALLBACK):
        untranslated = (str(cls.default_title or ""), str(cls.default_detail or ""))
    # A text gettext has no translation for is the English source: say so.
    title_language = FINAL_FALLBACK if title == untranslated[0] else language
    description_language = FINAL_FALLBACK if description == untranslated[1] else language
    return LocalizedText(
        title, title_language if title else None, description, description_language
    )


def data_version() -> int:
    """The current data version: one single-row query (0 before anything was recorded)."""
    connection = connections[router.db_for_read(DataVersion)]
    sql = _version_sql(connection.vendor, connection.ops.quote_name)
    if connection.queries_logged or connection.execute_wrappers:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            row = cursor.fetchone()
    else:
        # Nothing would log or wrap this query: skip Django's cursor wrapper, which costs
        # more than the query itself on this path that every error and API read takes.
        # Django's cursor() runs the CONN_HEALTH_CHECKS check; so must this path, or the first
        # request after a database restart would fail on the dead persistent connection.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
        with connection.wrap_database_errors:
            raw = connection.connection.cursor()
            try:
                raw.execute(sql)
                row = raw.fetchone()
            finally:
                raw.close()
    return int(row[0]) if row else 0


#: The data-version query by database vendor: a handful of entries at most, one per backend.
_version_queries: dict[str, str] = {}


def _version_sql(vendor: str, quote: Callable[[str], str]) -> str:
    # Raw SQL: this runs on every error and every API request, and the ORM would triple its cost.
    # Keyed on the vendor alone: a key holding the connection's bound quote_name would keep one
    # entry, and one closed connection, alive per connection ever made (one per ASGI request).
    sql = _version_queries.get(vendor)
    if sql is None:
        table = quote(DataVersion._meta.db_table)
        sql = _version_queries[vendor] = (
            f"SELECT {quote('version')} FROM {table} WHERE {quote('id')} = 1"
        )
    return sql


_lock = threading.Lock()
_cached: Catalog | None = None


def _load(version: int) -> Catalog:
    entries = {
        code.code: Entry(code, tuple(code.translations.all()))
        for code in StatusCode.objects.with_translations()
    }
    return Catalog(version, entries)


def get_catalog(version: int | None = None) -> Catalog:
    """The catalogue at the current data version: one query when warm, three after a change.

    A caller that has just read :func:`data_version` passes it to save the query.
    """
    global _cached
    if version is None:
        version = data_version()
    cached = _cached
    if cached is not None and cached.version == version:
        return cached
    with _lock:
        if _cached is None or _cached.version != version:
            _cached = _load(version)
        return _cached


def clear() -> None:
    """Forget the cached catalogue (tests use it to start cold)."""
    global _cached
    with _lock:
        _cached = None


caches.register("catalog.catalogue", clear)
caches.register("catalog.version_queries", _version_queries.clear)


@dataclass(frozen=True)
class Lookup:
    """The texts of one status for one request: what the renderers need."""

    code: int
    phrase: str
    text: LocalizedText
    stored: bool = True  # False: from the shipped data or the standard library, not the database


def current() -> Catalog | None:
    """The current catalogue, or ``None`` when the database does not answer."""
    try:
        return get_catalog()
    except (DatabaseError, InterfaceError):  # InterfaceError: the connection went away
        return None


def lookup(code: int, language: str | None, catalog: Catalog | None = _UNSET) -> Lookup:
    """Title and description of ``code`` in ``language``.

    Falls back to the texts shipped with the package for a code the database does not hold, or
    when the database cannot answer (so error pages still render during an outage), and to the
    standard library's phrase for a code that is neither stored nor shipped. A caller that holds
    the :func:`current` catalogue passes it, saving the version query.
    """
    if catalog is _UNSET:
        catalog = current()
    entry = catalog.get(code) if catalog is not None else None
    if entry is not None:
        return Lookup(code, entry.code.phrase, entry.text(language))
    shipped = dataset.shipped_codes().get(code)
    translations = [
        StatusCodeTranslation(language=tag, **dataset.shipped_texts(tag)[code])
        for tag in dataset.shipped_languages()
        if code in dataset.shipped_texts(tag)
    ]
    text = resolve_text(translations, language)
    if shipped is not None:
        phrase = shipped["phrase"]
    else:
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = ""
    if not text.title:
        # Known to no one here: the registry's phrase, or the class's name (RFC 9110 §15), both
        # English, and said to be so.
        title = phrase or CLASS_TITLES.get(code // 100, "")
        text = LocalizedText(title, FINAL_FALLBACK, "", None)
    return Lookup(code, phrase or text.title, text, stored=False)


#: The names RFC 9110 §15 gives the five classes, as a status line or a title can carry them.
CLASS_TITLES = {
    1: "Informational",
    2: "Successful",
    3: "Redirection",
    4: "Client Error",
    5: "Server Error",
}
