"""Exceptions that become RFC-correct responses: one class per status, and :func:`abort`.

What each status requires lives in :mod:`statuscodes.protocol`; here every class that needs
arguments declares them in its signature (``MethodNotAllowed(*, allow)``), so type checkers and
editors see them, and :meth:`HttpError._setup` validates every value against the protocol table,
so a bad value fails where it is written, never later as a broken response.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar, NoReturn

from django.utils.functional import Promise

from statuscodes import headers as h
from statuscodes.protocol import NOT_RAISABLE, HeaderRule, keyword_headers, rules_for
from statuscodes.validators import has_lone_surrogate, is_integer

__all__ = [
    "STANDARD_MEMBERS",
    "BadGateway",
    "BadRequest",
    "Conflict",
    "ContentTooLarge",
    "Detail",
    "ExpectationFailed",
    "FailedDependency",
    "Forbidden",
    "Found",
    "GatewayTimeout",
    "Gone",
    "HTTPVersionNotSupported",
    "HttpError",
    "InsufficientStorage",
    "InternalServerError",
    "LengthRequired",
    "Locked",
    "LoopDetected",
    "MethodNotAllowed",
    "MisdirectedRequest",
    "MovedPermanently",
    "MultipleChoices",
    "NetworkAuthenticationRequired",
    "NotAcceptable",
    "NotExtended",
    "NotFound",
    "NotImplemented",
    "PayloadTooLarge",
    "PaymentRequired",
    "PermanentRedirect",
    "PreconditionFailed",
    "PreconditionRequired",
    "ProxyAuthenticationRequired",
    "RangeNotSatisfiable",
    "RequestEntityTooLarge",
    "RequestHeaderFieldsTooLarge",
    "RequestTimeout",
    "RequestedRangeNotSatisfiable",
    "RetryAfter",
    "SeeOther",
    "ServiceUnavailable",
    "TemporaryRedirect",
    "TooEarly",
    "TooManyRequests",
    "URITooLong",
    "Unauthorized",
    "UnavailableForLegalReasons",
    "UnprocessableContent",
    "UnprocessableEntity",
    "UnsupportedMediaType",
    "UpgradeRequired",
    "Values",
    "VariantAlsoNegotiates",
    "abort",
    "build_headers",
    "check_extensions",
    "exception_class",
    "exception_path",
    "problem_types",
]

#: What ``retry_after=`` takes: seconds, a delay, or an aware date.
RetryAfter = int | timedelta | datetime
#: A list-valued header given as one string or as its items.
Values = str | Iterable[str]
Detail = str | Promise | None

#: Header names that describe the body the renderer makes: only it may set them.
_REPRESENTATION = frozenset({"content-type", "content-encoding", "content-language"})
#: Header names a keyword owns: ``headers=`` may not set them.
_OWNED = keyword_headers()


def _allow_external(given: Mapping[str, Any]) -> bool:
    external = given.get("allow_external", False)
    if not isinstance(external, bool):
        raise TypeError("allow_external must be a bool")
    return external


#: How each keyword's value becomes its header's value: (value, every keyword given, header).
_FORMATTERS: dict[str, Callable[[Any, Mapping[str, Any], str], str]] = {
    "allow": lambda value, given, name: h.format_allow(value),
    "www_authenticate": lambda value, given, name: h.format_challenges(value, header=name),
    "proxy_authenticate": lambda value, given, name: h.format_challenges(value, header=name),
    "length": lambda value, given, name: h.format_content_range_unsatisfied(
        value, given.get("unit", "bytes")
    ),
    "upgrade": lambda value, given, name: h.format_upgrade(value),
    "location": lambda value, given, name: h.format_location(
        value, allow_external=_allow_external(given)
    ),
    "retry_after": lambda value, given, name: h.format_retry_after(value),
    "blocked_by": lambda value, given, name: h.format_blocked_by(value),
}


def _check_keywords(status: int, cls: str, given: Mapping[str, Any]) -> list[HeaderRule]:
    """The rules whose keyword was given; a keyword the status does not take is a TypeError."""
    keywords = rules_for(status).keywords
    for keyword in given:
        if keyword not in keywords:
            raise TypeError(
                f"{cls}() got an unexpected keyword argument {keyword!r} for a {status}"
            )
    for keyword, rule in keywords.items():
        if rule.app_requires and keyword == rule.keyword and keyword not in given:
            why = (
                "requires"
                if rule.level == "MUST"
                else f"says it {rule.level}, and this app requires,"
            )
            raise TypeError(
                f"{cls}() missing required keyword argument {keyword!r}: {rule.section} "
                f"{why} {rule.name} in a {status} response"
            )
    return [
        rule for keyword, rule in keywords.items() if keyword == rule.keyword and keyword in given
    ]


def _check_extra(extra: object) -> dict[str, str]:
    """``headers=``: any header but those of framing, of a keyword, or of the body."""
    if not isinstance(extra, Mapping):
        raise TypeError(f"headers must be a mapping, not {type(extra).__name__}")
    result: dict[str, str] = {}
    for key, value in extra.items():
        h.check_header_name(key)
        lowered = key.lower()
        if lowered in h.FRAMING_HEADERS:
            raise ValueError(f"headers= must not set {key}: the server owns message framing")
        if lowered in _OWNED:
            raise ValueError(f"headers= must not set {key}: use the {_OWNED[lowered]}= keyword")
        if lowered in _REPRESENTATION:
            raise ValueError(
                f"headers= must not set {key}: the renderer describes the body it makes"
            )
        result[key] = h.check_header_value(key, value)
    return result


def build_headers(
    status: int, given: Mapping[str, Any], extra: Mapping[str, str], *, cls: str = "HttpError"
) -> dict[str, str]:
    """The headers of a ``status`` response from its keywords and ``headers=``, all validated."""
    rules = _check_keywords(status, cls, given)
    result = _check_extra(extra)
    for rule in rules:
        assert rule.keyword is not None
        value = _FORMATTERS[rule.keyword](given[rule.keyword], given, rule.name)
        if rule.joins_others and rule.name in result:
            value = f"{result[rule.name]}, {value}"
        result[rule.name] = value
    if rules:
        # Headers that go with those given, such as "Connection: upgrade" with Upgrade (§7.8).
        for rule in rules_for(status).all_headers:
            if rule.fixed_value is not None:
                result[rule.name] = rule.fixed_value
    return result


#: The members RFC 9457 §3.1 defines; an extension may not reuse their names.
STANDARD_MEMBERS = frozenset({"type", "title", "status", "detail", "instance"})
# RFC 9457 §3.2: start with a letter, letters, digits and "_", at least three characters.
_MEMBER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,}")


def check_extensions(extensions: object) -> dict[str, Any]:
    """Extension members of a problem (RFC 9457 §3.2), each name and value checked."""
    if not isinstance(extensions, Mapping):
        raise TypeError(f"extensions must be a mapping, not {type(extensions).__name__}")
    for name, value in extensions.items():
        if not isinstance(name, str) or not _MEMBER_NAME.fullmatch(name):
            raise ValueError(
                f"invalid extension member name {name!r}: a letter, then at least two letters, "
                "digits or underscores (RFC 9457 §3.2)"
            )
        if name in STANDARD_MEMBERS:
            raise ValueError(f"extension member {name!r} would replace a standard member")
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise ValueError(f"extension member {name!r} is not JSON: {error}") from None
    return dict(extensions)


def _check_status(status: object) -> int:
    if not is_integer(status) or not 300 <= status <= 599:
        raise ValueError(f"status must be an int from 300 to 599, not {status!r}")
    return status


class HttpError(Exception):
    """An HTTP status raised from a view; ``StatusCodeMiddleware`` turns it into the response.

    ``detail`` is shown to the client; without it the stored description of the status is used.
    ``headers`` carries any other header. Raise a status that has no class of its own with
    ``HttpError(status=...)`` (or :func:`abort`), giving it the keywords its rules name.
    """

    status_code: int = 500
    default_detail: ClassVar[str | Promise | None] = None
    #: A problem type of the host's own (RFC 9457 §3.1.1): its slug, as in ``out-of-stock``.
    #: Its responses carry the type's page as ``type`` and the type's title; the texts live in
    #: the database, where editors change them (``default_title`` and ``default_detail`` are
    #: what ``register_problem_types`` stores first).
    type_slug: ClassVar[str | None] = None
    default_title: ClassVar[str | Promise | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        slug = cls.__dict__.get("type_slug")
        if slug is not None:
            _register_type(cls, slug)

    def __init__(
        self,
        detail: Detail = None,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
        **arguments: Any,
    ) -> None:
        if status is not None:
            if type(self) is not HttpError:
                raise TypeError(
                    f"{type(self).__name__} has a fixed status; status= is for HttpError"
                )
            self.status_code = _check_status(status)
        self._setup(detail, headers, arguments, extensions)

    def _setup(
        self,
        detail: Detail,
        headers: Mapping[str, str] | None,
        arguments: Mapping[str, Any],
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        if self.status_code in NOT_RAISABLE:
            raise ValueError(
                f"{self.status_code} cannot be raised: {NOT_RAISABLE[self.status_code]}"
            )
        if detail is not None and not isinstance(detail, (str, Promise)):
            raise TypeError(f"detail must be a str, not {type(detail).__name__}")
        if isinstance(detail, str) and has_lone_surrogate(detail):
            # It could never be encoded as UTF-8: fail here, not as a 500 while rendering.
            raise ValueError("detail contains an unpaired surrogate character")
        #: True where the raiser wrote the detail, rather than leaving it to the stored texts.
        self.explicit_detail = detail is not None
        self.detail = detail if detail is not None else self.default_detail
        given = {name: value for name, value in arguments.items() if value is not None}
        extra = {} if headers is None else headers
        self.headers: dict[str, str] = build_headers(
            self.status_code, given, extra, cls=type(self).__name__
        )
        self.extensions: dict[str, Any] = check_extensions({} if extensions is None else extensions)
        super().__init__(str(self.detail) if self.detail is not None else self.status_code)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status_code}, detail={self.detail!r})"


class _Plain(HttpError):
    """A status that takes no keyword: only ``detail`` and ``headers``."""

    def __init__(
        self,
        detail: Detail = None,
        *,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(detail, headers, {}, extensions)


class _Redirect(HttpError):
    """A redirect: ``location`` is required here (RFC 9110 says SHOULD; this app insists)."""

    def __init__(
        self,
        detail: Detail = None,
        *,
        location: str,
        allow_external: bool = False,
        retry_after: RetryAfter | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        arguments = {
            "location": location,
            "allow_external": allow_external,
            "retry_after": retry_after,
        }
        self._setup(detail, headers, arguments, extensions)


class _Retryable(HttpError):
    """A status that may say when to try again (``retry_after``)."""

    def __init__(
        self,
        detail: Detail = None,
        *,
        retry_after: RetryAfter | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(detail, headers, {"retry_after": retry_after}, extensions)


# 3xx redirections


class MultipleChoices(HttpError):
    status_code = 300

    def __init__(
        self,
        detail: Detail = None,
        *,
        location: str | None = None,
        allow_external: bool = False,
        retry_after: RetryAfter | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        arguments = {
            "location": location,
            "allow_external": allow_external,
            "retry_after": retry_after,
        }
        self._setup(detail, headers, arguments, extensions)


class MovedPermanently(_Redirect):
    status_code = 301


class Found(_Redirect):
    status_code = 302


class SeeOther(_Redirect):
    status_code = 303


class TemporaryRedirect(_Redirect):
    status_code = 307


class PermanentRedirect(_Redirect):
    status_code = 308


# 4xx client errors


class BadRequest(_Plain):
    status_code = 400


class Unauthorized(HttpError):
    status_code = 401

    def __init__(
        self,
        detail: Detail = None,
        *,
        www_authenticate: Values,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(detail, headers, {"www_authenticate": www_authenticate}, extensions)


class PaymentRequired(_Plain):
    status_code = 402


class Forbidden(_Plain):
    status_code = 403


class NotFound(_Plain):
    status_code = 404


class MethodNotAllowed(HttpError):
    status_code = 405

    def __init__(
        self,
        detail: Detail = None,
        *,
        allow: Values,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(detail, headers, {"allow": allow}, extensions)


class NotAcceptable(_Plain):
    status_code = 406


class ProxyAuthenticationRequired(HttpError):
    status_code = 407

    def __init__(
        self,
        detail: Detail = None,
        *,
        proxy_authenticate: Values,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(detail, headers, {"proxy_authenticate": proxy_authenticate}, extensions)


class RequestTimeout(_Plain):
    status_code = 408


class Conflict(_Plain):
    status_code = 409


class Gone(_Plain):
    status_code = 410


class LengthRequired(_Plain):
    status_code = 411


class PreconditionFailed(_Plain):
    status_code = 412


class ContentTooLarge(_Retryable):
    status_code = 413


class URITooLong(_Plain):
    status_code = 414


class UnsupportedMediaType(_Plain):
    status_code = 415


class RangeNotSatisfiable(HttpError):
    status_code = 416

    def __init__(
        self,
        detail: Detail = None,
        *,
        length: int,
        unit: str = "bytes",
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(detail, headers, {"length": length, "unit": unit}, extensions)


class ExpectationFailed(_Plain):
    status_code = 417


class MisdirectedRequest(_Plain):
    status_code = 421


class UnprocessableContent(_Plain):
    status_code = 422


class Locked(_Plain):
    status_code = 423


class FailedDependency(_Plain):
    status_code = 424


class TooEarly(_Plain):
    status_code = 425


class UpgradeRequired(HttpError):
    status_code = 426

    def __init__(
        self,
        detail: Detail = None,
        *,
        upgrade: Values,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(detail, headers, {"upgrade": upgrade}, extensions)


class PreconditionRequired(_Plain):
    status_code = 428


class TooManyRequests(_Retryable):
    status_code = 429


class RequestHeaderFieldsTooLarge(_Plain):
    status_code = 431


class UnavailableForLegalReasons(HttpError):
    status_code = 451

    def __init__(
        self,
        detail: Detail = None,
        *,
        blocked_by: str | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(detail, headers, {"blocked_by": blocked_by}, extensions)


# 5xx server errors


class InternalServerError(_Plain):
    status_code = 500


class NotImplemented(_Plain):  # the RFC 9110 name, though it shadows a builtin
    status_code = 501


class BadGateway(_Plain):
    status_code = 502


class ServiceUnavailable(_Retryable):
    status_code = 503


class GatewayTimeout(_Plain):
    status_code = 504


class HTTPVersionNotSupported(_Plain):
    status_code = 505


class VariantAlsoNegotiates(_Plain):
    status_code = 506


class InsufficientStorage(_Plain):
    status_code = 507


class LoopDetected(_Plain):
    status_code = 508


class NotExtended(_Plain):
    status_code = 510


class NetworkAuthenticationRequired(_Plain):
    status_code = 511


# Names of earlier specifications, kept importable.
PayloadTooLarge = ContentTooLarge
RequestEntityTooLarge = ContentTooLarge
UnprocessableEntity = UnprocessableContent
RequestedRangeNotSatisfiable = RangeNotSatisfiable

_CLASSES: dict[int, type[HttpError]] = {
    cls.status_code: cls
    for name, cls in list(globals().items())
    if isinstance(cls, type)
    and issubclass(cls, HttpError)
    and cls.__name__ == name  # not the aliases of earlier names
    and not name.startswith("_")
    and name != "HttpError"
}


_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_TYPES: dict[str, type[HttpError]] = {}


def _register_type(cls: type[HttpError], slug: object) -> None:
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug) or len(slug) > 100:
        raise TypeError(
            f"{cls.__name__}.type_slug must be lower-case letters and digits joined by "
            f"hyphens, at most 100 characters, not {slug!r}"
        )
    if cls.status_code in NOT_RAISABLE or not 300 <= cls.status_code <= 599:
        raise TypeError(f"{cls.__name__}: a problem type needs a raisable 3xx, 4xx or 5xx status")
    other = _TYPES.get(slug)
    if other is not None and _path(other) != _path(cls):
        raise TypeError(f"type_slug {slug!r} of {_path(cls)} is taken by {_path(other)}")
    _TYPES[slug] = cls


def _path(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def problem_types() -> dict[str, type[HttpError]]:
    """The problem types declared in code (``type_slug``), by slug, in declaration order."""
    return dict(_TYPES)


def exception_path(cls: type[HttpError]) -> str:
    """Where a class is imported from, as the raise line shows it (``shop.errors.OutOfStock``)."""
    return _path(cls)


def exception_class(status: int) -> type[HttpError] | None:
    """The class of ``status``, or ``None`` where there is none (use ``HttpError(status=...)``)."""
    return _CLASSES.get(status)


def abort(status: int, detail: str | Promise | None = None, **kwargs: Any) -> NoReturn:
    """Raise the exception of any 3xx, 4xx or 5xx status (``HttpError`` where there is no class).

    The keywords are those of the status's rules; a missing or foreign one is a ``TypeError``
    that names the RFC section behind it.
    """
    _check_status(status)
    cls = exception_class(status)
    if cls is None:
        raise HttpError(detail, status=status, **kwargs)
    own = {"headers", "extensions"}
    given = {name: value for name, value in kwargs.items() if name not in own and value is not None}
    _check_keywords(status, cls.__name__, given)
    raise cls(detail, **kwargs)
