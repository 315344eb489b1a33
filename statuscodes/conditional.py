"""Conditional requests by entity tag (RFC 9110 §13), the one evaluation the app's views share.

The app's representations have entity tags but no modification dates, so ``If-Modified-Since``
and ``If-Unmodified-Since`` are ignored, as §13.1.3 and §13.1.4 require of such a resource.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest

__all__ = ["Outcome", "evaluate", "parse_tags"]

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
