"""Renderers of the status code API besides JSON."""

from __future__ import annotations

from typing import Any

from rest_framework.renderers import BrowsableAPIRenderer

__all__ = ["BrowsableAPI"]


class _AsGet:
    """A HEAD request as the page it describes shows it: the GET's page, to the byte."""

    method = "GET"

    def __init__(self, request: Any) -> None:
        self._request = request

    def __getattr__(self, name: str) -> Any:
        return getattr(self._request, name)


class BrowsableAPI(BrowsableAPIRenderer):
    """DRF's browsable API, whose HEAD announces the length of its GET."""

    def get_context(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(*args, **kwargs)
        if context["request"].method == "HEAD":
            context["request"] = _AsGet(context["request"])
        return context
