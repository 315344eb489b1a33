"""Exceptions that become RFC-correct responses: one class per status, and :func:`abort`.

Subclasses only set ``status_code`` (and optionally ``default_detail``); what each status requires
is validated in one place, :meth:`HttpError.__init__`, so a bad value fails where it is written,
never later as a broken response.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar, NoReturn

from django.utils.functional import Promise

from statuscodes import headers as h
from statuscodes.protocol import NOT_RAISABLE
from statuscodes.validators import has_lone_surrogate

__all__ = [
    "BadGateway",
    "BadRequest",
    "Conflict",
    "ContentTooLarge",
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
    "VariantAlsoNegotiates",
    "abort",
    "exception_class",
]

_REDIRECTS_NEEDING_LOCATION = frozenset({301, 302, 303, 307, 308})
_RETRY_AFTER_STATUSES = frozenset({413, 429, 503})

# Header names that a keyword argument owns: ``headers=`` may not set them.
_OWNED = {
    "allow": "allow",
    "www-authenticate": "www_authenticate",
    "proxy-authenticate": "proxy_authenticate",
    "content-range": "length",
    "location": "location",
    "retry-after": "retry_after",
}
#: Header names that describe the body the renderer makes: only it may set them.
_REPRESENTATION = frozenset({"content-type", "content-encoding", "content-language"})


@functools.lru_cache(maxsize=512)
def _keyword_rules(status: int) -> dict[str, tuple[bool, str]]:
    """Keyword arguments a status accepts: name -> (required, the RFC section behind it)."""
    rules: dict[str, tuple[bool, str]] = {}
    if status == 401:
        rules["www_authenticate"] = (True, "RFC 9110 §15.5.2")
    elif status == 405:
        rules["allow"] = (True, "RFC 9110 §15.5.6")
    elif status == 407:
        rules["proxy_authenticate"] = (True, "RFC 9110 §15.5.8")
    elif status == 416:
        rules["length"] = (True, "RFC 9110 §15.5.17")
        rules["unit"] = (False, "RFC 9110 §14.4")
    elif status == 426:
        rules["upgrade"] = (True, "RFC 9110 §15.5.22")
    elif status == 451:
        rules["blocked_by"] = (False, "RFC 7725 §4")
    if 300 <= status < 400:
        needed = status in _REDIRECTS_NEEDING_LOCATION
        rules["location"] = (needed, "RFC 9110 §10.2.2")
        rules["allow_external"] = (False, "RFC 9110 §10.2.2")
    if 300 <= status < 400 or status in _RETRY_AFTER_STATUSES:
        rules["retry_after"] = (False, "RFC 9110 §10.2.3")
    return rules


class HttpError(Exception):
    """An HTTP status raised from a view; ``StatusCodeMiddleware`` turns it into the response.

    ``detail`` is shown to the client; without it the stored description of the status is used.
    Keyword arguments carry the headers the status requires or allows (``allow`` for 405,
    ``www_authenticate`` for 401, ``location`` for redirects, ``retry_after``...), and
    ``headers`` any other header. Every value is validated here.
    """

    status_code: int = 500
    default_detail: ClassVar[str | Promise | None] = None

    def __init__(
        self,
        detail: str | Promise | None = None,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        allow: str | Iterable[str] | None = None,
        www_authenticate: str | Iterable[str] | None = None,
        proxy_authenticate: str | Iterable[str] | None = None,
        length: int | None = None,
        unit: str | None = None,
        upgrade: str | Iterable[str] | None = None,
        location: str | None = None,
        allow_external: bool | None = None,
        retry_after: int | timedelta | datetime | None = None,
        blocked_by: str | None = None,
    ) -> None:
        if status is not None:
            if type(self) is not HttpError:
                raise TypeError(
                    f"{type(self).__name__} has a fixed status; status= is for HttpError"
                )
            if not isinstance(status, int) or isinstance(status, bool) or not 300 <= status <= 599:
                raise ValueError(f"status must be an int from 300 to 599, not {status!r}")
            self.status_code = status
        if self.status_code in NOT_RAISABLE:
            raise ValueError(
                f"{self.status_code} cannot be raised: {NOT_RAISABLE[self.status_code]}"
            )
        if detail is not None and not isinstance(detail, (str, Promise)):
            raise TypeError(f"detail must be a str, not {type(detail).__name__}")
        if isinstance(detail, str) and has_lone_surrogate(detail):
            # It could never be encoded as UTF-8: fail here, not as a 500 while rendering.
            raise ValueError("detail contains an unpaired surrogate character")
        self.detail = detail if detail is not None else self.default_detail

        given = {
            name: value
            for name, value in {
                "allow": allow,
                "www_authenticate": www_authenticate,
                "proxy_authenticate": proxy_authenticate,
                "length": length,
                "unit": unit,
                "upgrade": upgrade,
                "location": location,
                "allow_external": allow_external,
                "retry_after": retry_after,
                "blocked_by": blocked_by,
            }.items()
            if value is not None
        }
        self.headers: dict[str, str] = self._build_headers(given, headers or {})
        super().__init__(str(self.detail) if self.detail is not None else self.status_code)

    def _build_headers(self, given: dict[str, Any], extra: Mapping[str, str]) -> dict[str, str]:
        status = self.status_code
        name = type(self).__name__
        rules = _keyword_rules(status)
        for keyword in given:
            if keyword not in rules:
                raise TypeError(
                    f"{name}() got an unexpected keyword argument {keyword!r} for a {status}"
                )
        for keyword, (required, section) in rules.items():
            if required and keyword not in given:
                raise TypeError(
                    f"{name}() missing required keyword argument {keyword!r}: {section} "
                    f"requires it in a {status} response"
                )

        result: dict[str, str] = {}
        if not isinstance(extra, Mapping):
            raise TypeError(f"headers must be a mapping, not {type(extra).__name__}")
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

        if "allow" in given:
            result["Allow"] = h.format_allow(given["allow"])
        if "www_authenticate" in given:
            result["WWW-Authenticate"] = h.format_challenges(
                given["www_authenticate"], header="WWW-Authenticate"
            )
        if "proxy_authenticate" in given:
            result["Proxy-Authenticate"] = h.format_challenges(
                given["proxy_authenticate"], header="Proxy-Authenticate"
            )
        if "length" in given:
            result["Content-Range"] = h.format_content_range_unsatisfied(
                given["length"], given.get("unit", "bytes")
            )
        if "upgrade" in given:
            result["Upgrade"] = h.format_upgrade(given["upgrade"])
            result["Connection"] = "upgrade"
        if "location" in given:
            external = given.get("allow_external", False)
            if not isinstance(external, bool):
                raise TypeError("allow_external must be a bool")
            result["Location"] = h.format_location(given["location"], allow_external=external)
        if "retry_after" in given:
            result["Retry-After"] = h.format_retry_after(given["retry_after"])
        if "blocked_by" in given:
            link = h.format_blocked_by(given["blocked_by"])
            result["Link"] = f"{result['Link']}, {link}" if "Link" in result else link
        return result

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status_code}, detail={self.detail!r})"


# 3xx redirections
class MultipleChoices(HttpError):
    status_code = 300


class MovedPermanently(HttpError):
    status_code = 301


class Found(HttpError):
    status_code = 302


class SeeOther(HttpError):
    status_code = 303


class TemporaryRedirect(HttpError):
    status_code = 307


class PermanentRedirect(HttpError):
    status_code = 308


# 4xx client errors
class BadRequest(HttpError):
    status_code = 400


class Unauthorized(HttpError):
    status_code = 401


class PaymentRequired(HttpError):
    status_code = 402


class Forbidden(HttpError):
    status_code = 403


class NotFound(HttpError):
    status_code = 404


class MethodNotAllowed(HttpError):
    status_code = 405


class NotAcceptable(HttpError):
    status_code = 406


class ProxyAuthenticationRequired(HttpError):
    status_code = 407


class RequestTimeout(HttpError):
    status_code = 408


class Conflict(HttpError):
    status_code = 409


class Gone(HttpError):
    status_code = 410


class LengthRequired(HttpError):
    status_code = 411


class PreconditionFailed(HttpError):
    status_code = 412


class ContentTooLarge(HttpError):
    status_code = 413


class URITooLong(HttpError):
    status_code = 414


class UnsupportedMediaType(HttpError):
    status_code = 415


class RangeNotSatisfiable(HttpError):
    status_code = 416


class ExpectationFailed(HttpError):
    status_code = 417


class MisdirectedRequest(HttpError):
    status_code = 421


class UnprocessableContent(HttpError):
    status_code = 422


class Locked(HttpError):
    status_code = 423


class FailedDependency(HttpError):
    status_code = 424


class TooEarly(HttpError):
    status_code = 425


class UpgradeRequired(HttpError):
    status_code = 426


class PreconditionRequired(HttpError):
    status_code = 428


class TooManyRequests(HttpError):
    status_code = 429


class RequestHeaderFieldsTooLarge(HttpError):
    status_code = 431


class UnavailableForLegalReasons(HttpError):
    status_code = 451


# 5xx server errors
class InternalServerError(HttpError):
    status_code = 500


class NotImplemented(HttpError):  # the RFC 9110 name, though it shadows a builtin
    status_code = 501


class BadGateway(HttpError):
    status_code = 502


class ServiceUnavailable(HttpError):
    status_code = 503


class GatewayTimeout(HttpError):
    status_code = 504


class HTTPVersionNotSupported(HttpError):
    status_code = 505


class VariantAlsoNegotiates(HttpError):
    status_code = 506


class InsufficientStorage(HttpError):
    status_code = 507


class LoopDetected(HttpError):
    status_code = 508


class NotExtended(HttpError):
    status_code = 510


class NetworkAuthenticationRequired(HttpError):
    status_code = 511


# Names of earlier specifications, kept importable.
PayloadTooLarge = ContentTooLarge
RequestEntityTooLarge = ContentTooLarge
UnprocessableEntity = UnprocessableContent
RequestedRangeNotSatisfiable = RangeNotSatisfiable

_CLASSES: dict[int, type[HttpError]] = {
    cls.status_code: cls for cls in HttpError.__subclasses__() if cls.__module__ == __name__
}


def exception_class(status: int) -> type[HttpError] | None:
    """The class of ``status``, or ``None`` where there is none (use ``HttpError(status=...)``)."""
    return _CLASSES.get(status)


def abort(status: int, detail: str | Promise | None = None, **kwargs: Any) -> NoReturn:
    """Raise the exception of any 3xx, 4xx or 5xx status (``HttpError`` where there is no class)."""
    if not isinstance(status, int) or isinstance(status, bool) or not 300 <= status <= 599:
        raise ValueError(f"abort() takes a status from 300 to 599, not {status!r}")
    cls = exception_class(status)
    if cls is None:
        raise HttpError(detail, status=status, **kwargs)
    raise cls(detail, **kwargs)
