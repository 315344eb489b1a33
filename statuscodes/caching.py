"""HTTP caching of the app's responses: validators, conditional requests, ``Vary``, freshness.

The one helper that pages, API reads and writes, and error responses share. Conditional requests
are evaluated by entity tag (RFC 9110 §13): the app's representations have entity tags but no
modification dates, so ``If-Modified-Since`` and ``If-Unmodified-Since`` are ignored, as §13.1.3
and §13.1.4 require of such a resource.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_vary_headers

from statuscodes.exceptions import PreconditionFailed

__all__ = [
    "Metadata",
    "Outcome",
    "add_vary",
    "evaluate",
    "parse_tags",
]

_Response = TypeVar("_Response", bound=HttpResponseBase)

#: What the preconditions decide: go on, answer 304 Not Modified, or 412 Precondition Failed.
Outcome = Literal["proceed", "not_modified", "failed"]

_SAFE = frozenset({"GET", "HEAD"})


def parse_tags(value: str) -> list[str] | None:
    """The entity tags of an ``If-Match``/``If-None-Match`` value; ``None`` stands for ``*``.

    Commas inside a quoted tag are kept; a member that is not a tag is dropped, so a garbled
    header can match nothing rather than everything.
    """
    if value.strip() == "*":
        return None
    tags: list[str] = []
    rest = value.strip()
    while rest:
        weak = rest.startswith("W/")
        body = rest[2:] if weak else rest
        if body.startswith('"'):
            end = body.find('"', 1)
            if end == -1:
                break
            tags.append(("W/" if weak else "") + body[: end + 1])
            rest = body[end + 1 :]
        else:
            _, _, rest = rest.partition(",")
        rest = rest.lstrip(" \t,")
    return tags


def _opaque(tag: str) -> str:
    return tag.removeprefix("W/")


def evaluate(request: HttpRequest, etag: str | None) -> Outcome:
    """Evaluate ``If-Match`` and ``If-None-Match`` in the order of RFC 9110 §13.2.2.

    ``etag`` is the strong tag of the selected representation, ``None`` where the target
    resource has none (it does not exist): then ``If-Match: *`` fails and ``If-None-Match: *``
    lets the request go on.
    """
    if_match = request.META.get("HTTP_IF_MATCH")
    if if_match is not None:
        tags = parse_tags(if_match)
        # Strong comparison (§13.1.1): a weak tag never matches.
        matched = etag is not None and (tags is None or etag in tags)
        if not matched:
            return "failed"
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = parse_tags(if_none_match)
        # Weak comparison (§13.1.2).
        matched = etag is not None and (
            tags is None or _opaque(etag) in (_opaque(tag) for tag in tags)
        )
        if matched:
            return "not_modified" if request.method in _SAFE else "failed"
    return "proceed"


def add_vary(response: _Response, names: Iterable[str]) -> _Response:
    """Add ``names`` to the response's ``Vary``, keeping what it names already."""
    names = tuple(names)
    if not names:
        return response
    if "Vary" in response:
        patch_vary_headers(response, names)
    else:
        response["Vary"] = ", ".join(names)
    return response


@dataclass(frozen=True)
class Metadata:
    """What caches learn about one representation: its tag, freshness, language and variance.

    ``etag`` is its strong entity tag, ``cache_control`` the directives, ``language`` the value
    of ``Content-Language``, ``vary`` the request headers the representation depends on.
    """

    etag: str | None = None
    cache_control: str | None = None
    language: str | None = None
    vary: tuple[str, ...] = ()

    def apply(self, response: _Response) -> _Response:
        """Put the metadata on a response that carries the representation."""
        if self.language is not None:
            response["Content-Language"] = self.language
        return self._validators(response)

    def not_modified(self) -> HttpResponse:
        """A 304 with what the 200 would have sent of ETag, Cache-Control and Vary (§15.4.5).

        No other representation metadata: §15.4.5 asks senders not to generate it.
        """
        return self._validators(HttpResponse(status=304))

    def answer(self, request: HttpRequest) -> HttpResponse | None:
        """The 304 the request's preconditions ask for, or ``None`` to send the representation.

        A failed ``If-Match`` (or ``If-None-Match`` on an unsafe method) raises
        :class:`~statuscodes.exceptions.PreconditionFailed`.
        """
        outcome = evaluate(request, self.etag)
        if outcome == "not_modified":
            return self.not_modified()
        if outcome == "failed":
            raise PreconditionFailed()
        return None

    def _validators(self, response: _Response) -> _Response:
        if self.etag is not None:
            response["ETag"] = self.etag
        if self.cache_control is not None:
            response["Cache-Control"] = self.cache_control
        return add_vary(response, self.vary)
