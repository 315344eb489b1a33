"""The app's process-wide caches, each bounded, and the one way to empty them all.

Every module that keeps something in memory between requests registers a function that forgets
it. Tests call :func:`clear_all` before each test (one fixture, ``tests/conftest.py``); the app
calls it when a setting changes, since any cached value may depend on settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["clear_all", "register", "registered"]

_clearers: dict[str, Callable[[], Any]] = {}


def register(name: str, clear: Callable[[], Any]) -> None:
    """Record ``clear`` as the way to forget the cache called ``name`` (``"module.cache"``)."""
    _clearers[name] = clear


def registered() -> list[str]:
    """The names of every registered cache, in the order they were registered."""
    return list(_clearers)


def clear_all(**kwargs: Any) -> None:
    """Forget every cached value (also a ``setting_changed`` receiver, hence ``**kwargs``)."""
    for clear in _clearers.values():
        clear()
