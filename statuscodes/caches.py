"""The app's process-wide caches, each bounded, and the one way to empty them all.

Every module that keeps something in memory between requests registers a function that forgets
it. Tests call :func:`clear_all` around each test (one fixture, ``tests/conftest.py``). Caches that
depend on settings key on them or are forgotten on ``setting_changed`` (the pages' digests).
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
    """Forget every cached value (``**kwargs`` lets it receive a signal, too)."""
    for clear in _clearers.values():
        clear()
