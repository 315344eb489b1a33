"""Test helpers for host projects: is a response an RFC 9457 problem, and is it correct HTTP?

``assert_problem(response, 405, ...)`` checks that a response is the problem the test expects;
``check_response(response)`` lists what any response gets wrong for its status, by the rules of
:mod:`statuscodes.protocol`. Failure messages are for developers, in English.

A ``type`` to expect may be written four ways:

- an ``int``: the status's reference page (``/status-codes/405/``), the ``type`` this app gives
  a problem of that status, or ``about:blank`` when the reference pages are not mounted;
- a problem type's slug (``"out-of-stock"``): its page (``/status-codes/problems/out-of-stock/``),
  or its ``tag:`` URI when the pages are not mounted;
- a path (``"/status-codes/405/"``): the path of the ``type``, whatever its scheme and host;
- anything else (``"https://example.com/probs/out-of-stock"``, ``"about:blank"``): the exact URI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from types import EllipsisType
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponseBase
from django.test import RequestFactory
from django.utils.functional import Promise

from statuscodes.protocol import StatusRules, rules_for
from statuscodes.validators import is_integer

__all__ = [
    "HeaderExpectation",
    "assert_problem",
    "check_response",
]

#: What ``assert_problem(headers=...)`` expects of a header: this exact value, ``...`` or
#: ``True`` for present with any value, ``False`` for absent.
HeaderExpectation = str | bool | EllipsisType

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_response(
    response: HttpResponseBase,
    *,
    request: HttpRequest | None = None,
    ignore: Iterable[str] = (),
) -> list[str]:
    """What ``response`` gets wrong for its status, one line each; an empty list if nothing.

    ``request`` defaults to the one the test client attaches (``response.wsgi_request``): its
    method tells whether a body is allowed (not for HEAD), and under WSGI the hop-by-hop headers
    a status requires (407's ``Proxy-Authenticate``, 426's ``Upgrade``) are not expected, since
    PEP 3333 forbids a WSGI application to send them. ``ignore`` names headers not to ask for.
    """
    if request is None:
        request = _request_of(response)
    status = response.status_code
    rules = rules_for(status)
    skipped = {name.lower() for name in ignore}
    if request is not None and "wsgi.version" in request.META:
        skipped |= {rule.name.lower() for rule in rules.all_headers if rule.hop_by_hop}
    problems = []
    if 100 <= status < 200:
        problems.append(
            f"{status} is an interim status (RFC 9110 §15.2), not a final response: "
            "the client would wait for another"
        )
    problems += _missing_headers(response, rules, skipped)
    problems += _framing(response, rules, request.method if request is not None else None)
    problems += _metadata(response, rules)
    return problems


def _missing_headers(
    response: HttpResponseBase, rules: StatusRules, skipped: set[str]
) -> list[str]:
    return [
        f"{rules.code} without the {rule.name} header, which {rule.section} requires (MUST)"
        for rule in rules.missing_headers(response, response.get("Content-Type", ""))
        if rule.name.lower() not in skipped
    ]


def _content(response: HttpResponseBase) -> bytes | None:
    """The body, or ``None`` for a streaming response: reading it would consume it."""
    return None if response.streaming else response.content  # type: ignore[attr-defined]


def _framing(response: HttpResponseBase, rules: StatusRules, method: str | None) -> list[str]:
    status = rules.code
    content = _content(response)
    found = []
    if rules.forbids_content and content:
        found.append(
            f"{status} with {len(content)} bytes of content, "
            f"which {rules.no_content_section} forbids"
        )
    elif method == "HEAD" and content:
        found.append(
            f"response to HEAD with {len(content)} bytes of content (RFC 9110 §9.3.2): "
            "it must be the GET's headers without the body"
        )
    length = response.get("Content-Length")
    if length is not None and (100 <= status < 200 or status in (204, 304)):
        why = (
            "allows only the 200's length, unknown here: leave it out"
            if status == 304
            else "forbids"
        )
        found.append(f"{status} with Content-Length: {length}, which RFC 9110 §8.6 {why}")
    if status == 205 and length not in (None, "0"):
        found.append(f"205 with Content-Length: {length}; RFC 9110 §15.3.6 allows only 0 (or none)")
    needs_type = not rules.forbids_content and status // 100 in (2, 4, 5)
    if content and needs_type and "Content-Type" not in response:
        found.append(
            f"{status} with {len(content)} bytes of content but no Content-Type (RFC 9110 §8.3)"
        )
    return found


def _metadata(response: HttpResponseBase, rules: StatusRules) -> list[str]:
    found = [
        f"{rules.code} with {name}, which RFC 9110 §15.4.5 says it should not carry"
        for name in rules.unwanted_headers
        if name in response
    ]
    directives = {
        part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")
    }
    if rules.no_store and "no-store" not in directives:
        found.append(
            f"{rules.code} without Cache-Control: no-store, which {rules.no_store_section} requires"
        )
    return found


def assert_problem(
    response: HttpResponseBase,
    status: int | None = None,
    *,
    type: int | str | None = None,
    title: str | Promise | None = None,
    detail: str | Promise | None = None,
    headers: Mapping[str, HeaderExpectation] | None = None,
    extensions: Mapping[str, Any] | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """Fail unless ``response`` is an RFC 9457 problem, as expected and correct for its status.

    Checks the problem+json form (``type``, ``title`` and ``status`` members, ``status`` equal
    to the response's, ``detail`` and ``instance`` strings where present), each field given
    (``type`` as the module docstring says; ``extensions`` members equal, ``...`` for any value;
    ``language`` the ``Content-Language``), each header given (a value, ``...``/``True`` for
    present, ``False`` for absent), and everything :func:`check_response` checks. One
    ``AssertionError`` lists every problem found. Returns the problem's members.
    """
    __tracebackhide__ = True  # pytest shows the test's line, not this one
    problems: list[str] = []
    if status is not None and response.status_code != status:
        problems.append(f"status {response.status_code}, expected {status}")
    members = _members(response, problems)
    if members is not None:
        problems += _fields(response, members, type, title, detail)
        problems += _extensions(members, extensions or {})
    if language is not None and response.get("Content-Language") != language:
        problems.append(
            f"Content-Language {response.get('Content-Language')!r}, expected {language!r}"
        )
    problems += _headers(response, headers or {})
    problems += check_response(response)
    if problems:
        listed = "\n".join(f"- {problem}" for problem in problems)
        raise AssertionError(
            f"The {response.status_code} response is not the problem expected:\n{listed}"
        )
    return members or {}


def _members(response: HttpResponseBase, problems: list[str]) -> dict[str, Any] | None:
    # Imported here, as in _expected_type: check_response, which the pytest plugin runs in any
    # project that has the package, needs only the protocol table, not the installed app.
    from statuscodes.rendering import PROBLEM_JSON

    content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
    if content_type != PROBLEM_JSON:
        problems.append(f"Content-Type {response.get('Content-Type')!r}, expected {PROBLEM_JSON}")
    content = _content(response)
    try:
        members = json.loads(content or b"")
    except ValueError:
        shown = content[:80] if content is not None else "streaming content"
        problems.append(f"the body is not JSON: {shown!r}")
        return None
    if not isinstance(members, dict):
        problems.append(f"the body is JSON but not an object: {members!r}")
        return None
    for name in ("type", "title"):
        if name not in members:
            problems.append(f"no {name!r} member")
        elif not isinstance(members[name], str):
            problems.append(f"{name!r} is not a string: {members[name]!r}")
    status = members.get("status")
    if "status" not in members:
        problems.append("no 'status' member")
    elif not is_integer(status):
        problems.append(f"'status' is not an integer: {status!r}")
    elif status != response.status_code:
        problems.append(
            f"'status' member {status!r} differs from the response's {response.status_code}"
        )
    for name in ("detail", "instance"):
        if name in members and not isinstance(members[name], str):
            problems.append(f"{name!r} is not a string: {members[name]!r}")
    return members


def _fields(
    response: HttpResponseBase,
    members: dict[str, Any],
    type: int | str | None,
    title: str | Promise | None,
    detail: str | Promise | None,
) -> list[str]:
    found = []
    if type is not None:
        expected = _expected_type(response, type)
        actual = members.get("type")
        shown = urlsplit(actual).path if expected.startswith("/") and actual else actual
        if shown != expected:
            found.append(f"'type' {actual!r}, expected {expected!r} (from {type!r})")
    for name, value in (("title", title), ("detail", detail)):
        if value is not None and members.get(name) != str(value):
            found.append(f"{name!r} {members.get(name)!r}, expected {str(value)!r}")
    return found


def _expected_type(response: HttpResponseBase, expected: int | str) -> str:
    """A path, matched against the path of ``type``, or a URI, matched exactly."""
    from statuscodes.rendering import page_url, problem_type_url

    if isinstance(expected, str) and not _SLUG.fullmatch(expected):
        return expected
    request = _request_of(response) or RequestFactory().get("/")
    if isinstance(expected, int):
        url = page_url(request, expected) or "about:blank"
    else:
        url = problem_type_url(request, expected)
    # The page's path, so that the test client's host and scheme do not matter.
    parts = urlsplit(url)
    return parts.path if parts.scheme in ("http", "https") else url


def _request_of(response: HttpResponseBase) -> HttpRequest | None:
    """The request the test client attaches to its responses, if any."""
    request = getattr(response, "wsgi_request", None) or getattr(response, "asgi_request", None)
    return request if isinstance(request, HttpRequest) else None


def _extensions(members: dict[str, Any], expected: Mapping[str, Any]) -> list[str]:
    found = []
    for name, value in expected.items():
        if name not in members:
            found.append(f"no {name!r} member")
        elif value is not ... and members[name] != value:
            found.append(f"{name!r} {members[name]!r}, expected {value!r}")
    return found


def _headers(response: HttpResponseBase, expected: Mapping[str, HeaderExpectation]) -> list[str]:
    found = []
    for name, value in expected.items():
        actual = response.get(name)
        if value is False:
            if actual is not None:
                found.append(f"a {name} header ({actual!r}), expected none")
        elif actual is None:
            found.append(f"no {name} header")
        elif isinstance(value, str) and actual != value:
            found.append(f"{name}: {actual!r}, expected {value!r}")
    return found
