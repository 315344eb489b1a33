"""Building and validating response header values.

Every function either returns a value that is safe to put on the wire as it is, or raises
``ValueError`` (``TypeError`` for a value of the wrong type) naming what is wrong.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from urllib.parse import SplitResult, urlsplit

from django.conf import settings
from django.http.request import validate_host
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date

from statuscodes.validators import is_integer

__all__ = [
    "FRAMING_HEADERS",
    "WSGI_HOP_BY_HOP",
    "check_header_name",
    "check_header_value",
    "format_allow",
    "format_blocked_by",
    "format_challenges",
    "format_content_range_unsatisfied",
    "format_location",
    "format_retry_after",
    "format_upgrade",
    "reason_phrase",
]

#: Names only the server and their keywords may set (RFC 9110 §7.6.1, §8.6; RFC 9112 §6.1).
FRAMING_HEADERS = frozenset(
    {"content-length", "transfer-encoding", "connection", "keep-alive", "te", "trailer", "upgrade"}
)

#: PEP 3333 forbids WSGI applications to send these; wsgiref (runserver) crashes on them and
#: gunicorn drops some and keeps others. ASGI servers such as uvicorn send them.
WSGI_HOP_BY_HOP = (
    "Connection",
    "Keep-Alive",
    "Proxy-Authenticate",
    "Proxy-Authorization",
    "TE",
    "Trailers",
    "Transfer-Encoding",
    "Upgrade",
)

# RFC 9110 §5.6.2: token = 1*tchar
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# RFC 9110 §5.5: field-value characters; no CR, LF, NUL or other control characters but HTAB.
_FORBIDDEN_IN_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
# RFC 9110 §11.2: auth-scheme [ 1*SP ( token68 / #auth-param ) ]
_CHALLENGE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+( +\S.*)?")
# RFC 9110 §7.8: protocol-name [ "/" protocol-version ]
_PROTOCOL = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+(/[!#$%&'*+\-.^_`|~0-9A-Za-z]+)?")
_UNSAFE_SCHEMES = frozenset({"javascript", "data", "vbscript", "file"})
_WEB_SCHEMES = frozenset({"http", "https"})


def check_header_name(name: object) -> str:
    """Return ``name`` if it is a valid field name (a token), else raise."""
    if not isinstance(name, str):
        raise TypeError(f"header name must be a str, not {type(name).__name__}")
    if not _TOKEN.fullmatch(name):
        raise ValueError(f"invalid header name {name!r}: a field name is a token (RFC 9110 §5.1)")
    return name


def check_header_value(name: str, value: object) -> str:
    """Return ``value`` if it holds no CR, LF, NUL or other control character, else raise."""
    if not isinstance(value, str):
        raise TypeError(f"value of header {name} must be a str, not {type(value).__name__}")
    if _FORBIDDEN_IN_VALUE.search(value):
        raise ValueError(
            f"value of header {name} contains a control character (CR, LF or NUL are never "
            "allowed in a field value, RFC 9110 §5.5)"
        )
    if value != value.strip(" \t"):
        raise ValueError(f"value of header {name} has leading or trailing white space")
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        raise ValueError(
            f"value of header {name} has characters outside ISO-8859-1; percent-encode them"
        ) from None
    return value


# RFC 9112 §4: reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )
_REASON_PHRASE = re.compile(r"[\t\x20-\x7e\x80-\xff]+")


def reason_phrase(phrase: str) -> str | None:
    """``phrase`` if it can stand in a status line as it is, else ``None``."""
    phrase = phrase.strip()
    return phrase if _REASON_PHRASE.fullmatch(phrase) else None


def _as_list(value: str | Iterable[str], what: str) -> list[str]:
    # One string is one item: never iterate it into characters.
    if isinstance(value, str):
        return [value]
    if isinstance(value, bytes) or not isinstance(value, Iterable):
        raise TypeError(f"{what} must be a str or an iterable of str, not {type(value).__name__}")
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"each of {what} must be a str, not {type(item).__name__}")
    return items


def format_allow(methods: str | Iterable[str]) -> str:
    """``Allow``: method tokens, comma separated; an empty list gives an empty value (§10.2.1)."""
    items = _as_list(methods, "allow")
    for method in items:
        if not _TOKEN.fullmatch(method):
            raise ValueError(f"invalid method {method!r} in allow: a method is a token")
    return ", ".join(dict.fromkeys(items))


def format_challenges(challenges: str | Iterable[str], *, header: str) -> str:
    """``WWW-Authenticate`` or ``Proxy-Authenticate``: one or more challenges (§11.6.1, §11.7.1)."""
    items = _as_list(challenges, header)
    if not items:
        raise ValueError(f"{header} needs at least one challenge")
    for challenge in items:
        check_header_value(header, challenge)
        if not _CHALLENGE.fullmatch(challenge):
            raise ValueError(
                f"invalid challenge {challenge!r} in {header}: it starts with an auth-scheme "
                "token (RFC 9110 §11.3)"
            )
    return ", ".join(items)


def format_upgrade(protocols: str | Iterable[str]) -> str:
    """``Upgrade``: protocol names with optional versions, e.g. ``HTTP/2`` (§7.8)."""
    items = _as_list(protocols, "upgrade")
    if not items:
        raise ValueError("upgrade needs at least one protocol")
    for protocol in items:
        if not _PROTOCOL.fullmatch(protocol):
            raise ValueError(f"invalid protocol {protocol!r} in upgrade (RFC 9110 §7.8)")
    return ", ".join(items)


def format_retry_after(value: int | timedelta | datetime) -> str:
    """``Retry-After``: whole seconds, a timedelta rounded up, or an aware datetime (§10.2.3)."""
    if is_integer(value):
        assert isinstance(value, int)
        if value < 0:
            raise ValueError(f"retry_after must be >= 0 seconds, not {value}")
        return str(value)
    if isinstance(value, timedelta):
        if value < timedelta(0):
            raise ValueError(f"retry_after must not be negative, not {value}")
        return str(math.ceil(value.total_seconds()))
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("retry_after must be an aware datetime, not a naive one")
        return http_date(value.timestamp())
    raise TypeError(
        "retry_after must be whole seconds (int), a timedelta or an aware datetime, "
        f"not {type(value).__name__}"
    )


def format_content_range_unsatisfied(length: int, unit: str = "bytes") -> str:
    """``Content-Range`` of a 416: ``bytes */LENGTH`` (§14.4, §15.5.17)."""
    if not is_integer(length):
        raise TypeError(f"length must be an int, not {type(length).__name__}")
    if length < 0:
        raise ValueError(f"length must be >= 0, not {length}")
    if not isinstance(unit, str) or not _TOKEN.fullmatch(unit):
        raise ValueError(f"invalid range unit {unit!r}: a unit is a token")
    return f"{unit} */{length}"


def _check_uri(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{what} must not be empty")
    if _FORBIDDEN_IN_VALUE.search(value) or any(c.isspace() for c in value):
        raise ValueError(f"{what} must not contain white space or control characters")
    return iri_to_uri(value)


def _allowed_hosts() -> list[str]:
    hosts = [host for host in settings.ALLOWED_HOSTS if host != "*"]
    if settings.DEBUG and not settings.ALLOWED_HOSTS:
        hosts = [".localhost", "127.0.0.1", "[::1]"]
    return hosts


def _check_port(parts: SplitResult, what: str) -> None:
    try:
        port = parts.port
    except ValueError:  # urllib refuses ports over 65535 and ports that are not numbers
        port = -1
    if port is not None and not 1 <= port <= 65535:
        raise ValueError(f"{what} has a port outside 1-65535")


def format_location(url: str, *, allow_external: bool = False) -> str:
    """``Location``: a target on this site or in ``ALLOWED_HOSTS``, unless ``allow_external``.

    A protocol-relative ``//host/`` target is absolute and is checked as such. Three or more
    leading slashes, or ``//`` with no host, are refused whatever ``allow_external`` says:
    browsers read ``///evil.example`` as a host (WHATWG URL parsing), servers as a path.
    """
    if isinstance(url, str) and "\\" in url:
        raise ValueError("location must not contain a backslash")
    uri = _check_uri(url, "location")
    parts = urlsplit(uri)
    scheme = parts.scheme.lower()
    if scheme in _UNSAFE_SCHEMES:
        raise ValueError(f"location must not use the {scheme}: scheme")
    if uri.startswith("//") and (uri.startswith("///") or not parts.netloc):
        raise ValueError(f"location {url!r} starts with slashes that browsers read as a host")
    _check_port(parts, "location")
    if not scheme and not parts.netloc:
        return uri  # a path on this site
    if allow_external:
        return uri
    if scheme not in _WEB_SCHEMES and not (not scheme and parts.netloc):
        raise ValueError(
            f"location {url!r} is not an http(s) URL; pass allow_external=True for a deliberate "
            "redirect to another site"
        )
    host = parts.hostname or ""
    if not host or not validate_host(host, _allowed_hosts()):
        raise ValueError(
            f"location {url!r} points outside this site and ALLOWED_HOSTS; pass "
            "allow_external=True for a deliberate redirect to another site"
        )
    return uri


def format_blocked_by(url: str) -> str:
    """``Link`` of a 451 naming who blocks the resource (RFC 7725 §4)."""
    uri = _check_uri(url, "blocked_by")
    if any(c in uri for c in '<>"'):
        raise ValueError('blocked_by must not contain <, > or "')
    parts = urlsplit(uri)
    # It names an entity for people to look up: an absolute web address, nothing a browser
    # would run (javascript:) or resolve against this site.
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname:
        raise ValueError(f"blocked_by {url!r} must be an absolute http or https URL")
    _check_port(parts, "blocked_by")
    return f'<{uri}>; rel="blocked-by"'
