"""OpenAPI for a host's DRF views: every problem response, with the headers its status requires.

Declare what a view raises with :func:`raises` (or ``raises = [...]`` on the view class), and use
:class:`ProblemAutoSchema` as drf-spectacular's schema class (one setting:
``REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]``). Each operation then lists, besides its own
responses, an ``application/problem+json`` response per status it can answer with: the problems
it declares, with their ``type`` and extension members, and the errors DRF itself produces for
that view (400 and 415 for a body, 401 and 403 from its authentication and permissions, 404 for
an item, 405, 406, 429 when throttled). Every response carries the headers the protocol table
(:mod:`statuscodes.protocol`) names for its status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.urls import get_urlconf
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent

from statuscodes.api.declarations import declared_raises, handler_name, raises
from statuscodes.exceptions import HttpError
from statuscodes.protocol import HeaderRule, rules_for
from statuscodes.rendering import PROBLEM_JSON, page_path, problem_path

__all__ = [
    "PROBLEM_COMPONENT",
    "ProblemAutoSchema",
    "declared_raises",
    "raises",
    "response_headers",
]

#: The name of the problem details schema among the components.
PROBLEM_COMPONENT = "Problem"
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# What has a meaning in a pattern, in Python and in ECMAScript alike (a path may hold "." or "+").
_PATTERN_SYNTAX = re.compile(r"[.^$*+?()\[\]{}|\\]")


def _header(rule: HeaderRule, required: bool) -> dict[str, Any]:
    description = f"{rule.level} ({rule.section}). {rule.note}".strip()
    return {"schema": {"type": "string"}, "description": description, "required": required}


def response_headers(
    status: int, *, always: Iterable[str] = (), own_only: bool = False
) -> dict[str, Any]:
    """The headers the table names for ``status`` that the application sends.

    A header is required where the RFC says MUST, where the app requires it, or where the
    caller knows it is always sent (``always``, as DRF's throttling always sends Retry-After).
    """
    rules = rules_for(status)
    headers: dict[str, Any] = {}
    for rule in rules.headers if own_only else rules.all_headers:
        if rule.sent_by != "application" or rule.as_200_would or rule.fixed_value is not None:
            continue
        if rule.level == "MAY" and rule.keyword is None and not own_only:
            continue  # a class-wide MAY nobody sets, such as Date
        required = rule.checkable or rule.app_requires or rule.name in always
        headers[rule.name] = _header(rule, required)
    return headers


class ProblemAutoSchema(AutoSchema):
    """drf-spectacular's ``AutoSchema`` with the problem responses of every operation."""

    #: Statuses DRF answers for any view, whatever it declares.
    always_possible: Sequence[int] = (405, 406)

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation: dict[str, Any] | None = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation.setdefault("responses", {})
        for code, response in list(responses.items()):
            if code.isdigit() and int(code) < 400:
                headers = response_headers(int(code), own_only=True)
                if headers:
                    response["headers"] = {**headers, **response.get("headers", {})}
        for status, classes in sorted(self.problem_statuses(operation).items()):
            responses[str(status)] = self._problem_response(status, classes)
        return operation

    def problem_statuses(self, operation: dict[str, Any]) -> dict[int, list[type[HttpError]]]:
        """Each status the operation can answer with a problem, with the classes behind it."""
        view = self.view
        statuses: dict[int, list[type[HttpError]]] = {code: [] for code in self.always_possible}
        if self.method in _BODY_METHODS:
            statuses.setdefault(400, [])
            statuses.setdefault(415, [])
        security = operation.get("security") or []
        if security and {} not in security:
            challenges = any(_challenge(a) for a in _authenticators(view))
            if challenges:
                statuses.setdefault(401, [])
            statuses.setdefault(403, [])
        if "{" in self.path:
            statuses.setdefault(404, [])
        if getattr(view, "throttle_classes", None):
            statuses.setdefault(429, [])
        for cls in declared_raises(view, handler_name(view, self.method)) or ():
            statuses.setdefault(cls.status_code, []).append(cls)
        return statuses

    def _problem_response(self, status: int, classes: list[type[HttpError]]) -> dict[str, Any]:
        always = self._throttle_headers(status)
        response: dict[str, Any] = {
            "description": self._description(status, classes),
            "content": {PROBLEM_JSON: {"schema": self._problem_schema(status, classes)}},
        }
        headers = response_headers(status, always=always)
        if headers:
            response["headers"] = headers
        return response

    def _throttle_headers(self, status: int) -> list[str]:
        # DRF's throttles always say how long to wait.
        if status == 429 and getattr(self.view, "throttle_classes", None):
            return [rule.name for rule in rules_for(429).all_headers if rule.keyword]
        return []

    @staticmethod
    def _description(status: int, classes: list[type[HttpError]]) -> str:
        named = [cls.__name__ for cls in classes]
        text = str(_("A problem (RFC 9457) with status %(status)d.") % {"status": status})
        return f"{text} {', '.join(named)}" if named else text

    def _problem_schema(self, status: int, classes: list[type[HttpError]]) -> dict[str, Any]:
        base = self._problem_component()
        extra: dict[str, Any] = {"type": "string", "format": "uri-reference"}
        paths = self._type_paths(status, classes)
        if paths:
            # The path, whatever host and scheme the request named: a schema made on one host
            # describes the responses of every host the site answers to.
            alternatives = "|".join(_PATTERN_SYNTAX.sub(r"\\\g<0>", path) for path in paths)
            extra["pattern"] = f"^(about:blank|(https?://[^/]+)?({alternatives}))$"
            extra["description"] = str(_("The status's reference page or the problem type's."))
        properties: dict[str, Any] = {
            "type": extra,
            "status": {"type": "integer", "enum": [status]},
        }
        for cls in classes:
            for name, schema in getattr(cls, "extension_members", {}).items():
                properties.setdefault(name, schema)
        return {"allOf": [base, {"type": "object", "properties": properties}]}

    @staticmethod
    def _type_paths(status: int, classes: list[type[HttpError]]) -> list[str]:
        urlconf = get_urlconf() or settings.ROOT_URLCONF
        paths = [page_path(urlconf, status)]
        paths += [problem_path(urlconf, cls.type_slug) for cls in classes if cls.type_slug]
        return list(dict.fromkeys(path for path in paths if path))

    def _problem_component(self) -> dict[str, Any]:
        component = ResolvedComponent(  # type: ignore[no-untyped-call]
            name=PROBLEM_COMPONENT,
            type=ResolvedComponent.SCHEMA,
            object=PROBLEM_COMPONENT,
            schema=_PROBLEM_SCHEMA,
        )
        self.registry.register_on_missing(component)
        ref: dict[str, Any] = component.ref
        return ref


def _challenge(authenticator: Any) -> bool:
    try:
        return bool(authenticator.authenticate_header(None))
    except Exception:  # an authenticator that needs a real request: assume it challenges
        return True


def _authenticators(view: Any) -> list[Any]:
    try:
        return list(view.get_authenticators())
    except AttributeError:
        return []


_ERROR_ITEM = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "pointer": {"type": "string", "description": "A JSON pointer into the request body."},
        "parameter": {"type": "string", "description": "The query parameter at fault."},
        "code": {"type": "string", "description": "A machine code, such as required."},
    },
    "required": ["detail", "code"],
}
_PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Problem details (RFC 9457). Extension members may follow.",
    "properties": {
        "type": {"type": "string", "format": "uri-reference"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 100, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string", "format": "uri-reference"},
        "errors": {"type": "array", "items": _ERROR_ITEM},
    },
    "required": ["type", "title", "status"],
}
