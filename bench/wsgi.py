"""One WSGI process serving the benchmark site twice: as configured, and under ``/without``
with StatusCodeMiddleware left out, so the two are compared in the same process."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup(set_prefix=False)

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

MIDDLEWARE_PATH = "statuscodes.middleware.StatusCodeMiddleware"

with_middleware = WSGIHandler()
configured = list(settings.MIDDLEWARE)
settings.MIDDLEWARE = [m for m in configured if m != MIDDLEWARE_PATH]
without_middleware = WSGIHandler()
settings.MIDDLEWARE = configured


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    path = environ.get("PATH_INFO", "")
    if path.startswith("/without/"):
        environ["PATH_INFO"] = path[len("/without") :]
        return without_middleware(environ, start_response)
    return with_middleware(environ, start_response)
