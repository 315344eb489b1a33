"""``StatusCodeMiddleware``: renders ``HttpError`` and keeps every response framable."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from http.client import responses
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from statuscodes import caches, dataset
from statuscodes.headers import WSGI_HOP_BY_HOP, reason_phrase
from statuscodes.mapping import as_http_error, report
from statuscodes.protocol import rules_for
from statuscodes.rendering import render_error, render_status

__all__ = [
    "StatusCodeMiddleware",
]

logger = logging.getLogger("statuscodes")

_GetResponse = Callable[[HttpRequest], Any]


class StatusCodeMiddleware:
    """Renders ``HttpError`` raised in views; strips content where the RFCs forbid it.

    Place it above ``CommonMiddleware`` and ``ConditionalGetMiddleware``, which set
    ``Content-Length`` and produce 304 responses: its response pass must run after theirs.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: _GetResponse) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponseBase | Awaitable[HttpResponseBase]:
        if self.is_async:
            return self.__acall__(request)
        return self.finish(request, self.get_response(request))

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        return self.finish(request, await self.get_response(request))

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponseBase | None:
        """Render an ``HttpError``, or the status an exception maps to (``statuscodes.mapping``)."""
        error = as_http_error(exception)
        if error is None:
            return None  # Django's handlers answer it: Http404, or a 500 for the unexpected
        response = render_error(request, error)
        report(request, exception, response, sender=type(self))
        return response

    def finish(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        """Make the response framable as RFC 9110 §6.4.1 and RFC 9112 §6.3 say, whoever built it."""
        status = response.status_code
        if status < 200:
            # A 1xx is interim: the exchange would still wait for the final response.
            logger.error(
                "A view returned %d, an interim status, as its final response: answered 500.",
                status,
            )
            response = render_status(request, 500)
            status = 500
        fixed = _registry_phrases().get(status)
        if fixed is not None and response.reason_phrase == _default_phrase(status):
            response.reason_phrase = fixed
        rules = rules_for(status)
        if rules.no_store and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"  # RFC 6585: caches must not store it
        for name in rules.unwanted_headers:
            del response[name]
        if rules.forbids_content:
            _drop_content(response)
            del response["Content-Type"]  # nothing to describe
            if status == 205:
                # Without a length a 205 would be read until the connection closes.
                response["Content-Length"] = "0"
            else:
                # RFC 9110 §8.6: never on 1xx and 204; on 304 only the 200's length, unknown here.
                del response["Content-Length"]
        elif request.method == "HEAD":
            if not response.streaming and "Content-Length" not in response:
                response["Content-Length"] = str(len(response.content))  # type: ignore[attr-defined]
            _drop_content(response)
        dropped = []
        if rules.hop_by_hop and "wsgi.version" in request.META:
            dropped = _drop_hop_by_hop(response)
        if settings.DEBUG:
            for name in dropped:
                logger.warning(
                    "Dropped the %s header of a %d response: WSGI servers must not send "
                    "hop-by-hop headers (PEP 3333). Serve the project under ASGI to send it.",
                    name,
                    status,
                )
            _warn_missing_headers(response, skip=dropped)
        return response


def _default_phrase(status: int) -> str:
    # What Django puts in the status line when the view names no reason phrase.
    return responses.get(status, "Unknown Status Code")


@functools.cache
def _registry_phrases() -> dict[int, str]:
    """Shipped phrases that differ from Python's: ``413 Content Too Large``, unofficial ones."""
    phrases = {}
    for code, meta in dataset.shipped_codes().items():
        phrase = reason_phrase(meta["phrase"])
        if phrase and phrase != _default_phrase(code):
            phrases[code] = phrase
    return phrases


caches.register("middleware.registry_phrases", _registry_phrases.cache_clear)


def _drop_content(response: HttpResponseBase) -> None:
    if response.streaming:
        response.streaming_content = []  # type: ignore[attr-defined]
    elif response.content:  # type: ignore[attr-defined]
        response.content = b""  # type: ignore[attr-defined]


def _drop_hop_by_hop(response: HttpResponseBase) -> list[str]:
    dropped = [name for name in WSGI_HOP_BY_HOP if name in response]
    for name in dropped:
        del response[name]
    return dropped


def _warn_missing_headers(response: HttpResponseBase, *, skip: list[str]) -> None:
    status = response.status_code
    for rule in rules_for(status).missing_headers(response, response.get("Content-Type", "")):
        if rule.name in skip:
            continue
        logger.warning(
            "A %d response lacks the %s header that %s requires.", status, rule.name, rule.section
        )
