"""The one line of Django that raises a status with this app, as the reference pages show it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from statuscodes.exceptions import HttpError, exception_class
from statuscodes.protocol import rules_for

__all__ = [
    "KEYWORD_EXAMPLES",
    "Kind",
    "Snippet",
    "example_arguments",
    "problem_snippet",
    "raise_snippet",
]

#: An example value for each keyword of the exceptions (the protocol table says which status
#: takes which keyword).
KEYWORD_EXAMPLES: dict[str, Any] = {
    "allow": ["GET", "HEAD"],
    "blocked_by": "https://authority.example/",
    "length": 1024,
    "location": "/",
    "proxy_authenticate": 'Basic realm="proxy"',
    "retry_after": 60,
    "upgrade": "HTTP/2",
    "www_authenticate": 'Basic realm="demo"',
}


def example_arguments(status: int) -> dict[str, Any]:
    """Example keywords for ``status``: those its own header rules name, in the table's order.

    The rules a whole class shares (``retry_after`` on any redirect) are left out.
    """
    return {
        rule.keyword: KEYWORD_EXAMPLES[rule.keyword]
        for rule in rules_for(status).headers
        if rule.keyword is not None
    }


Kind = Literal["class", "abort", "conditional", "informational", "success", "unused"]


@dataclass(frozen=True)
class Snippet:
    """How to produce a status: ``code`` to copy, or just a ``note`` where nothing is raised."""

    kind: Kind
    code: str
    note: str | Promise


def raise_snippet(status: int, *, unused: bool = False) -> Snippet:
    """The snippet for ``status``; ``unused`` marks a code the registry reserves (306, 418)."""
    if unused:
        return Snippet("unused", "", _("The code is reserved and unused: never send it."))
    if status < 200:
        return Snippet(
            "informational",
            "",
            _("The server sends informational statuses itself: a view cannot raise them."),
        )
    if status < 300:
        return Snippet(
            "success",
            "",
            _("A success is not an error: return an HttpResponse with this status instead."),
        )
    if status == 305:
        return Snippet("unused", "", _("The code is deprecated: never send it."))
    if status == 304:
        return Snippet(
            "conditional",
            "from django.views.decorators.http import etag\n\n"
            '@etag(lambda request: "v1")\n'
            "def view(request): ...",
            _("Django's conditional view decorators answer 304 for you."),
        )
    arguments = ", ".join(
        f"{name}={_literal(value)}" for name, value in example_arguments(status).items()
    )
    cls = exception_class(status)
    if cls is None:
        call = f"abort({status}{', ' + arguments if arguments else ''})"
        return Snippet(
            "abort",
            f"from statuscodes.exceptions import abort\n\n{call}",
            _("No exception class is named after this code: abort() raises it."),
        )
    return Snippet(
        "class",
        f"from statuscodes.exceptions import {cls.__name__}\n\nraise {cls.__name__}({arguments})",
        "",
    )


def problem_snippet(cls: type[HttpError]) -> str:
    """The lines that raise the problem type ``cls``, with the keywords its status needs."""
    arguments = ", ".join(
        f"{name}={_literal(value)}"
        for name, value in example_arguments(cls.status_code).items()
        if rules_for(cls.status_code).keywords[name].app_requires
    )
    name = cls.__name__ if "<locals>" in cls.__qualname__ else cls.__qualname__
    return f"from {cls.__module__} import {name.split('.')[0]}\n\nraise {name}({arguments})"


def _literal(value: Any) -> str:
    """Python source for ``value``, with double quotes where that needs no escaping."""
    if isinstance(value, str):
        return f'"{value}"' if '"' not in value and "\\" not in value else repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    return repr(value)
