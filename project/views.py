"""Demo views: each status raised with this app, and responses its middleware has to fix."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import etag

from statuscodes.exceptions import NotFound, abort
from statuscodes.protocol import NOT_RAISABLE
from statuscodes.snippets import example_arguments


def raise_status(request: HttpRequest, code: int) -> HttpResponse:
    """Raise ``code`` with example arguments: ``/examples/405/``."""
    if not 300 <= code <= 599 or code in NOT_RAISABLE:
        raise NotFound(
            f"There is no example of {code}: a view raises 3xx, 4xx and 5xx statuses, except "
            + ", ".join(str(status) for status in sorted(NOT_RAISABLE))
            + "."
        )
    abort(code, **example_arguments(code))


def no_content(request: HttpRequest) -> HttpResponse:
    """A careless 204 with a body: the middleware strips it and its Content-Length."""
    return HttpResponse(b"this body must never reach the wire", status=204)


@etag(lambda request: '"demo-v1"')
def conditional(request: HttpRequest) -> HttpResponse:
    """Answers 304 to ``If-None-Match: "demo-v1"``."""
    return HttpResponse(b"a representation with a strong validator\n", content_type="text/plain")
