"""Reading status codes: conditional, cached, and the same whichever view serves the request.

A read's ETag comes from the data version and the representation, so ``If-None-Match`` is
answered before anything is looked up or serialised; bodies are cached per data version.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from statuscodes import caches
from statuscodes.api.params import (
    ListParams,
    ProblemParams,
    parse_language,
    parse_list_params,
    parse_problem_params,
)
from statuscodes.api.serializers import (
    Item,
    ProblemItem,
    ProblemTypeAllLanguagesSerializer,
    ProblemTypeSerializer,
    StatusCodeAllLanguagesSerializer,
    StatusCodeSerializer,
)
from statuscodes.caching import Metadata
from statuscodes.catalog import Catalog, Entry, ProblemEntry, data_version, get_catalog
from statuscodes.conf import app_settings
from statuscodes.exceptions import NotFound
from statuscodes.languages import configured_languages
from statuscodes.rendering import page_url, problem_type_url
from statuscodes.search import matches, matches_problem

__all__ = [
    "VARY",
    "Read",
    "bodies",
    "code_number",
    "content_language",
    "detail_read",
    "detail_tag",
    "entity_tag",
    "item_data",
    "list_read",
    "problem_data",
    "problem_detail_read",
    "problem_list_read",
    "representation_key",
]

VARY = ("Accept", "Accept-Language")


class _BodyCache:
    """Rendered JSON bodies by (data version, representation), most recently used kept.

    Bounded by count and by total size, so that no sequence of requests can grow it further.
    """

    def __init__(self, size: int = 256, max_bytes: int = 16 * 1024 * 1024) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self._bytes = 0
        self._items: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: tuple[Any, ...], build: Callable[[], bytes]) -> bytes:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
                return body
        body = build()
        with self._lock:
            if key not in self._items:
                self._items[key] = body
                self._bytes += len(body)
            while self._items and (len(self._items) > self.size or self._bytes > self.max_bytes):
                self._bytes -= len(self._items.popitem(last=False)[1])
        return body

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


bodies = _BodyCache()
caches.register("api.reads.bodies", bodies.clear)


class Read:
    """One read request: its representation key, language and how to build its data."""

    def __init__(
        self,
        request: HttpRequest,
        key: tuple[Any, ...],
        language: str | None,
        build: Callable[[Catalog], Any],
        *,
        version: int | None = None,
        source: object = None,
    ) -> None:
        self.request = request
        self.key = representation_key(request, key)
        self.language = language
        self.build = build
        self.version = data_version() if version is None else version
        # What the data part of the tag stands for: one entry's content, or the whole version.
        self.etag = entity_tag(self.version if source is None else source, self.key)

    def data(self) -> Any:
        return self.build(get_catalog(self.version))

    def metadata(self, *, shared: bool = True) -> Metadata:
        """What caches learn of the read; a page with the user's name and forms is not shared."""
        language = content_language(self.language)
        if not shared:
            return Metadata(cache_control="private, no-cache", language=language, vary=VARY)
        max_age = f"public, max-age={app_settings.API_MAX_AGE}"
        return Metadata(self.etag, max_age, language, VARY)

    def json_response(self) -> HttpResponse:
        """304, or the JSON bytes (cached per data version): what a JSON client gets."""
        metadata = self.metadata()
        if (answer := metadata.answer(self.request)) is not None:
            return answer
        body = bodies.get(
            (self.version, self.key),
            lambda: json.dumps(self.data(), ensure_ascii=False, separators=(",", ":")).encode(),
        )
        return metadata.apply(HttpResponse(body, content_type="application/json"))


def content_language(language: str | None) -> str:
    """``Content-Language`` of a body in ``language``; ``None`` holds every configured one."""
    return ", ".join(configured_languages()) if language is None else language


def representation_key(request: HttpRequest, key: tuple[Any, ...]) -> tuple[Any, ...]:
    """``key`` with the host and scheme, which the absolute URLs in a body depend on."""
    # The raw Host header is enough for a key: a host that ALLOWED_HOSTS refuses never
    # gets a body cached, since building one validates it (build_absolute_uri()).
    host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
    return (*key, host, request.scheme)


def entity_tag(source: object, key: tuple[Any, ...]) -> str:
    """A strong entity tag for the representation ``key`` of the data ``source`` stands for."""
    digest = hashlib.blake2b(repr((source, key)).encode(), digest_size=12)
    return f'"{digest.hexdigest()}"'


def detail_tag(request: HttpRequest, number: int, language: str | None, fingerprint: str) -> str:
    """The tag a GET of one code's detail in ``language`` carries (writes compare with it)."""
    return entity_tag(fingerprint, representation_key(request, ("detail", number, language)))


def list_read(request: HttpRequest) -> Read:
    params = parse_list_params(request)
    key = (
        "list",
        params.language,
        params.code_class,
        params.status,
        params.search,
        params.descending,
    )
    return Read(request, key, params.language, lambda c: _list(request, c, params))


def detail_read(request: HttpRequest, code: str) -> Read:
    number = code_number(code)
    language = parse_language(request)
    version = data_version()
    entry = get_catalog(version).get(number)
    if entry is None:  # before any precondition: "If-None-Match: *" matches nothing here
        raise NotFound()

    def build(catalog: Catalog) -> Any:
        return item_data(request, entry, language)

    key = ("detail", number, language)
    return Read(request, key, language, build, version=version, source=entry.fingerprint)


_CODE = re.compile(r"[0-9]{3}")


def code_number(code: str) -> int:
    """The number in a ``status-codes/<code>/`` path; anything else is not found.

    ASCII digits only: ``int()`` also reads other scripts' digits, which would give one code a
    second address (``٤٠٤``), and ``isdigit()`` admits ``²``, which ``int()`` refuses.
    """
    if not _CODE.fullmatch(code):
        raise NotFound()
    return int(code)


def item_data(request: HttpRequest, entry: Entry, language: str | None) -> dict[str, Any]:
    code = entry.code.code
    url = request.build_absolute_uri(reverse("statuscodes-api:code-detail", kwargs={"code": code}))
    item = Item(entry, language, url, page_url(request, code))
    serializer = StatusCodeAllLanguagesSerializer if language is None else StatusCodeSerializer
    data: dict[str, Any] = serializer(item).data
    return data


def _list(request: HttpRequest, catalog: Catalog, params: ListParams) -> list[dict[str, Any]]:
    entries = sorted(catalog.entries.values(), key=lambda e: e.code.code, reverse=params.descending)
    return [item_data(request, e, params.language) for e in entries if _keep(e, params)]


def _keep(entry: Entry, params: ListParams) -> bool:
    code = entry.code
    if params.code_class is not None and code.code // 100 != params.code_class:
        return False
    if params.status is not None and code.status != params.status:
        return False
    return matches(entry, params.search, language=params.language)


def problem_list_read(request: HttpRequest) -> Read:
    """``problem-types/``: every type, filtered by ``status`` and ``search``."""
    params = parse_problem_params(request)
    key = ("problems", params.language, params.status, params.search)
    return Read(request, key, params.language, lambda c: _problems(request, c, params))


def problem_detail_read(request: HttpRequest, slug: str) -> Read:
    language = parse_language(request)
    version = data_version()
    entry = get_catalog(version).problems.get(slug)
    if entry is None:
        raise NotFound()

    def build(catalog: Catalog) -> Any:
        return problem_data(request, entry, language)

    key = ("problem", slug, language)
    return Read(request, key, language, build, version=version, source=entry.fingerprint)


def problem_data(request: HttpRequest, entry: ProblemEntry, language: str | None) -> dict[str, Any]:
    slug = entry.problem_type.slug
    url = request.build_absolute_uri(
        reverse("statuscodes-api:problem-type-detail", kwargs={"slug": slug})
    )
    type_url = problem_type_url(request, slug)
    html_url = type_url if type_url.startswith(("http://", "https://", "/")) else None
    item = ProblemItem(entry, language, type_url, url, html_url)
    serializer = ProblemTypeAllLanguagesSerializer if language is None else ProblemTypeSerializer
    data: dict[str, Any] = serializer(item).data
    return data


def _problems(
    request: HttpRequest, catalog: Catalog, params: ProblemParams
) -> list[dict[str, Any]]:
    entries = [catalog.problems[slug] for slug in sorted(catalog.problems)]
    return [
        problem_data(request, entry, params.language)
        for entry in entries
        if (params.status is None or entry.problem_type.status == params.status)
        and matches_problem(entry, params.search, language=params.language)
    ]
