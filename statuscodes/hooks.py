"""Problem hooks that ship with the app: name one in ``STATUSCODES_PROBLEM_HOOK``.

A hook is a callable ``hook(request, problem)`` that may add to ``problem.extensions`` and
``problem.headers`` before the problem is rendered (:class:`statuscodes.rendering.Problem`).
"""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from django.http import HttpRequest

from statuscodes.conf import app_settings

if TYPE_CHECKING:
    from statuscodes.rendering import Problem

__all__ = ["CORRELATION_MEMBER", "correlation_id"]

#: The member the correlation id is added under.
CORRELATION_MEMBER = "correlation_id"
# What a client's id may look like: a token short enough to log, nothing a log or a header
# could be confused by.
_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def correlation_id(request: HttpRequest, problem: Problem) -> None:
    """Add a correlation id to the body and to the response header it came in.

    The id is the request's own (``X-Request-ID``, or ``STATUSCODES_CORRELATION_HEADER``) when
    it is a short token, so the client's id and the server's logs meet; else a new UUID.
    """
    header = app_settings.CORRELATION_HEADER
    given = request.headers.get(header, "")
    value = given if _ID.fullmatch(given) else uuid.uuid4().hex
    problem.extensions.setdefault(CORRELATION_MEMBER, value)
    problem.headers.setdefault(header, value)
