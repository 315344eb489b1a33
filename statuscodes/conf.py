"""The app's settings, read lazily on each access so that ``override_settings`` just works.

Every setting is a flat ``STATUSCODES_*`` name in the host's settings; the defaults live here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from statuscodes import caches

__all__ = [
    "DEFAULTS",
    "AppSettings",
    "app_settings",
]

DEFAULTS: dict[str, Any] = {
    # Seconds the API's read responses may be reused by caches (Cache-Control max-age).
    "STATUSCODES_API_MAX_AGE": 60,
    # Whether API writes must carry If-Match (428 Precondition Required without it).
    "STATUSCODES_API_REQUIRE_IF_MATCH": False,
    # The host's exceptions as statuses: dotted path of an exception class -> a status or the
    # dotted path of an HttpError subclass.
    "STATUSCODES_EXCEPTION_MAP": {},
    # Seconds a client is asked to wait (Retry-After) after django-ratelimit refused it.
    "STATUSCODES_RATELIMIT_RETRY_AFTER": 60,
    # A dotted path to a callable(request, problem) that sees every problem before rendering.
    "STATUSCODES_PROBLEM_HOOK": None,
    # The request header a correlation id is read from, and sent back in.
    "STATUSCODES_CORRELATION_HEADER": "X-Request-ID",
}


class AppSettings:
    """``app_settings.API_MAX_AGE`` reads ``settings.STATUSCODES_API_MAX_AGE`` or its default."""

    def _get(self, name: str) -> Any:
        return getattr(settings, name, DEFAULTS[name])

    @property
    def API_MAX_AGE(self) -> int:
        value: int = self._get("STATUSCODES_API_MAX_AGE")
        return value

    @property
    def API_REQUIRE_IF_MATCH(self) -> bool:
        value: bool = self._get("STATUSCODES_API_REQUIRE_IF_MATCH")
        return value

    @property
    def EXCEPTION_MAP(self) -> dict[str, int | str]:
        value: dict[str, int | str] = self._get("STATUSCODES_EXCEPTION_MAP")
        return value

    @property
    def RATELIMIT_RETRY_AFTER(self) -> int:
        value: int = self._get("STATUSCODES_RATELIMIT_RETRY_AFTER")
        return value

    @property
    def PROBLEM_HOOK(self) -> str | None:
        value: str | None = self._get("STATUSCODES_PROBLEM_HOOK")
        return value

    @property
    def CORRELATION_HEADER(self) -> str:
        value: str = self._get("STATUSCODES_CORRELATION_HEADER")
        return value

    def problem_hook(self) -> Callable[..., Any] | None:
        """The callable ``PROBLEM_HOOK`` names (imported once per value), or ``None``."""
        path = self.PROBLEM_HOOK
        if not path:
            return None
        return _import(path)


@functools.lru_cache(maxsize=8)
def _import(path: str) -> Callable[..., Any]:
    hook: Callable[..., Any] = import_string(path)
    return hook


app_settings = AppSettings()
caches.register("conf.problem_hooks", _import.cache_clear)
