"""Demo views: each status raised with this app, and responses its middleware has to fix."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import etag

from statuscodes.exceptions import abort

#: Example values for the keyword arguments a status requires or accepts.
EXAMPLE_ARGUMENTS: dict[int, dict[str, Any]] = {
    300: {"location": "/"},
    301: {"location": "/"},
    302: {"location": "/"},
    303: {"location": "/"},
    307: {"location": "/"},
    308: {"location": "/"},
    401: {"www_authenticate": 'Basic realm="demo"'},
    405: {"allow": ["GET", "HEAD"]},
    407: {"proxy_authenticate": 'Basic realm="proxy"'},
    413: {"retry_after": 60},
    416: {"length": 1024},
    426: {"upgrade": "HTTP/2"},
    429: {"retry_after": 60},
    451: {"blocked_by": "https://authority.example/"},
    503: {"retry_after": 120},
}


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
