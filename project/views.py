"""Demo views: each status raised with this app, and responses its middleware has to fix."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import etag

from statuscodes.exceptions import abort
from statuscodes.snippets import EXAMPLE_ARGUMENTS


def raise_status(request: HttpRequest, code: int) -> HttpResponse:
    """Raise ``code`` with example arguments: ``/examples/405/``."""
    abort(code, **EXAMPLE_ARGUMENTS.get(code, {}))


def no_content(request: HttpRequest) -> HttpResponse:
    """A careless 204 with a body: the middleware strips it and its Content-Length."""
    return HttpResponse(b"this body must never reach the wire", status=204)


@etag(lambda request: '"demo-v1"')
def conditional(request: HttpRequest) -> HttpResponse:
    """Answers 304 to ``If-None-Match: "demo-v1"``."""
    return HttpResponse(b"a representation with a strong validator\n", content_type="text/plain")
