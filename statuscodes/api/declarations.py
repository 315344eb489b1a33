"""What a DRF view declares it raises: ``@raises(...)`` on a method, ``raises = [...]`` on a view.

The OpenAPI schema documents the declared problems (:mod:`statuscodes.api.openapi`), and in DEBUG
a view that raises a problem it did not declare logs a warning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings

from statuscodes.exceptions import HttpError

__all__ = ["declared_raises", "handler_name", "raises", "warn_if_undeclared"]

logger = logging.getLogger("statuscodes")

_F = TypeVar("_F", bound=Callable[..., Any])
_ATTRIBUTE = "statuscodes_raises"


def raises(*classes: type[HttpError]) -> Callable[[_F], _F]:
    """Declare the ``HttpError`` classes a DRF view method or action raises."""
    for cls in classes:
        if not (isinstance(cls, type) and issubclass(cls, HttpError)):
            raise TypeError(f"raises() takes HttpError classes, not {cls!r}")

    def decorate(function: _F) -> _F:
        declared = [*getattr(function, _ATTRIBUTE, ()), *classes]
        setattr(function, _ATTRIBUTE, tuple(declared))
        return function

    return decorate


def declared_raises(view: Any, action: str | None = None) -> tuple[type[HttpError], ...] | None:
    """What ``view`` declares it raises for ``action`` (its handler method), or ``None``."""
    found: list[type[HttpError]] = []
    declared = False
    if isinstance(getattr(type(view), "raises", None), (list, tuple)):
        found += type(view).raises
        declared = True
    handler = getattr(view, action, None) if action else None
    if handler is not None and hasattr(handler, _ATTRIBUTE):
        found += getattr(handler, _ATTRIBUTE)
        declared = True
    return tuple(dict.fromkeys(found)) if declared else None


def handler_name(view: Any, method: str) -> str | None:
    """The view's handler of ``method``: the viewset's action, or ``get``, ``post``..."""
    action = getattr(view, "action", None)
    return action if action else method.lower()


def warn_if_undeclared(view: Any, request_method: str, error: HttpError) -> None:
    """In DEBUG, log a warning when a view that declares its problems raises another one."""
    if not settings.DEBUG or view is None:
        return
    declared = declared_raises(view, handler_name(view, request_method))
    if declared is None or any(isinstance(error, cls) for cls in declared):
        return
    logger.warning(
        "%s raised %s (%d), which it does not declare: add it to @raises() so that the "
        "OpenAPI schema documents it.",
        type(view).__name__,
        type(error).__name__,
        error.status_code,
    )
