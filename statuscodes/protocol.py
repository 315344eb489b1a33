"""What the RFCs require of each status code.

This is protocol knowledge, not editable data: the exceptions, the API and the pages all read
it from here. Sections are those of RFC 9110 unless another document is named.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = [
    "LEVELS",
    "NOT_RAISABLE",
    "HeaderRule",
    "Level",
    "Sender",
    "StatusRules",
    "forbids_content",
    "header_for_keyword",
    "keyword_headers",
    "rules_for",
]

#: The requirement levels of BCP 14 (RFC 2119, RFC 8174), as the RFCs write them.
Level = Literal["MUST", "SHOULD", "MAY"]
LEVELS: tuple[Level, ...] = ("MUST", "SHOULD", "MAY")

#: Who puts the header on the response: the application (a view, this app's exceptions), or
#: the HTTP server in front of it (``Date``).
Sender = Literal["application", "server"]


@dataclass(frozen=True)
class HeaderRule:
    """A response header the RFCs name for a status, at the level of the RFC's own words.

    ``keyword`` is the argument of the status's exception that sets the header (``allow`` for
    ``Allow``), with ``options`` that shape its value. ``app_requires`` marks a header the
    exception cannot be built without: every MUST the app can produce, and some SHOULDs that
    the app requires on its own, stricter account (``Location`` on a redirect).
    """

    name: str
    level: Level
    section: str
    note: str | Promise = ""
    keyword: str | None = None
    options: tuple[str, ...] = ()
    app_requires: bool = False
    #: Only where a 200 response to the same request would have carried it (304, 206).
    as_200_would: bool = False
    #: Not needed when the content is of this type (206 with several parts).
    unless_content_type: str | None = None
    hop_by_hop: bool = False
    sent_by: Sender = "application"
    #: The one value the app sends wherever the rule applies (``Connection: upgrade``).
    fixed_value: str | None = None
    #: The keyword's value joins those of ``headers=`` instead of owning the header (``Link``).
    joins_others: bool = False

    @property
    def checkable(self) -> bool:
        """A MUST the application always has to send, so a response without it is wrong."""
        return self.level == "MUST" and self.sent_by == "application" and not self.as_200_would


class _Names(Protocol):
    """Header names that answer ``in``, as a response does."""

    def __contains__(self, name: str, /) -> bool: ...


@dataclass(frozen=True)
class StatusRules:
    """The rules for one status; a ``*_section`` is ``None`` where its rule does not apply.

    ``headers`` are the status's own rules, ``class_headers`` those its whole class shares
    (``Retry-After`` on any redirect, ``Date``).
    """

    code: int
    headers: tuple[HeaderRule, ...] = ()
    class_headers: tuple[HeaderRule, ...] = ()
    no_content_section: str | None = None
    no_store_section: str | None = None
    cacheable_section: str | None = None
    #: Representation metadata the status SHOULD NOT carry (a 304's, RFC 9110 §15.4.5).
    unwanted_headers: tuple[str, ...] = ()

    @property
    def forbids_content(self) -> bool:
        """True where the response must not carry content (1xx, 204, 205, 304)."""
        return self.no_content_section is not None

    @property
    def no_store(self) -> bool:
        """True where caches must not store the response (428, 429, 431, 511)."""
        return self.no_store_section is not None

    @property
    def heuristically_cacheable(self) -> bool:
        """True where caches may reuse it without explicit freshness (RFC 9111 §4.2.2)."""
        return self.cacheable_section is not None

    @property
    def all_headers(self) -> tuple[HeaderRule, ...]:
        return self.headers + self.class_headers

    @property
    def keywords(self) -> dict[str, HeaderRule]:
        """The exception keywords of the status, the options included, with their rules."""
        found: dict[str, HeaderRule] = {}
        for rule in self.all_headers:
            if rule.keyword is not None:
                for keyword in (rule.keyword, *rule.options):
                    found[keyword] = rule
        return found

    def missing_headers(self, present: _Names, content_type: str = "") -> list[HeaderRule]:
        """The headers the application MUST send that are not among ``present``.

        ``present`` answers ``in`` for header names (a response does, ignoring case);
        ``content_type`` is the response's, which may make a rule moot (206 with several parts).
        """
        return [
            rule
            for rule in self.all_headers
            if rule.checkable
            and rule.name not in present
            and not (rule.unless_content_type and content_type.startswith(rule.unless_content_type))
        ]

    @property
    def hop_by_hop(self) -> bool:
        """True where a header of the status is hop-by-hop (Upgrade, Proxy-Authenticate)."""
        return any(rule.hop_by_hop for rule in self.all_headers)


def _rule(name: str, level: Level, section: str, note: str | Promise = "", **kw: Any) -> HeaderRule:
    return HeaderRule(name, level, section, note, **kw)


_CACHEABLE = "RFC 9110 §15.1"
_INTERIM = "RFC 9110 §15.2"
_UPGRADE_CONNECTION = _rule(
    "Connection",
    "MUST",
    "RFC 9110 §7.8",
    _("Must contain the “upgrade” option whenever Upgrade is sent."),
    hop_by_hop=True,
    fixed_value="upgrade",
)


def _upgrade(section: str, note: str | Promise, *, keyword: str | None) -> HeaderRule:
    return _rule(
        "Upgrade",
        "MUST",
        section,
        note,
        keyword=keyword,
        app_requires=keyword is not None,
        hop_by_hop=True,
    )


def _location(section: str, note: str | Promise, level: Level = "SHOULD", **kw: Any) -> HeaderRule:
    return _rule(
        "Location", level, section, note, keyword="location", options=("allow_external",), **kw
    )


_REDIRECT_TARGET = _(
    "The target of the redirect. This app requires it, more strictly than the RFC."
)
_RETRY_AFTER_NOTE = _("How long the client ought to wait before a new request.")


def _retry_after(section: str, level: Level = "MAY", note: str | Promise = "") -> HeaderRule:
    return _rule("Retry-After", level, section, note or _RETRY_AFTER_NOTE, keyword="retry_after")


def _as_200(section: str, names: tuple[str, ...]) -> tuple[HeaderRule, ...]:
    note = _("Sent if a 200 response to the same request would have carried it.")
    return tuple(
        _rule(
            name,
            "MUST",
            section,
            note,
            as_200_would=True,
            sent_by="server" if name == "Date" else "application",
        )
        for name in names
    )


_DATE_NOTE = _("The server in front of the application adds it (in 304 and 206 as in the 200).")
_DATE_MUST = _rule("Date", "MUST", "RFC 9110 §6.6.1", _DATE_NOTE, sent_by="server")
_DATE_MAY = _rule("Date", "MAY", "RFC 9110 §6.6.1", _DATE_NOTE, sent_by="server")

_TABLE: dict[int, StatusRules] = {
    rules.code: rules
    for rules in [
        StatusRules(100, no_content_section=_INTERIM),
        StatusRules(
            101,
            headers=(
                _upgrade(
                    "RFC 9110 §15.2.2", _("The protocol or protocols switched to."), keyword=None
                ),
                _UPGRADE_CONNECTION,
            ),
            no_content_section=_INTERIM,
        ),
        StatusRules(102, no_content_section=_INTERIM),
        StatusRules(
            103,
            headers=(
                _rule(
                    "Link", "MAY", "RFC 8297 §2", _("Resources the client can start loading early.")
                ),
            ),
            no_content_section=_INTERIM,
        ),
        StatusRules(104, no_content_section=_INTERIM),
        StatusRules(200, cacheable_section=_CACHEABLE),
        StatusRules(
            201,
            headers=(
                _rule(
                    "Location",
                    "MAY",
                    "RFC 9110 §15.3.2",
                    _("The URI of the primary resource created; without it, the target URI."),
                ),
            ),
        ),
        StatusRules(203, cacheable_section=_CACHEABLE),
        StatusRules(204, no_content_section="RFC 9110 §15.3.5", cacheable_section=_CACHEABLE),
        StatusRules(205, no_content_section="RFC 9110 §15.3.6"),
        StatusRules(
            206,
            headers=(
                _rule(
                    "Content-Range",
                    "MUST",
                    "RFC 9110 §15.3.7.1",
                    _("For a single part; several parts use multipart/byteranges instead."),
                    unless_content_type="multipart/byteranges",
                ),
                *_as_200(
                    "RFC 9110 §15.3.7",
                    ("Cache-Control", "ETag", "Expires", "Content-Location", "Vary"),
                ),
            ),
            cacheable_section=_CACHEABLE,
        ),
        StatusRules(
            300,
            headers=(_location("RFC 9110 §15.4.1", _("The server's preferred choice, if any.")),),
            cacheable_section=_CACHEABLE,
        ),
        StatusRules(
            301,
            headers=(_location("RFC 9110 §15.4.2", _REDIRECT_TARGET, app_requires=True),),
            cacheable_section=_CACHEABLE,
        ),
        StatusRules(
            302, headers=(_location("RFC 9110 §15.4.3", _REDIRECT_TARGET, app_requires=True),)
        ),
        StatusRules(
            303, headers=(_location("RFC 9110 §15.4.4", _REDIRECT_TARGET, app_requires=True),)
        ),
        StatusRules(
            304,
            headers=_as_200(
                "RFC 9110 §15.4.5",
                ("Content-Location", "ETag", "Vary", "Cache-Control", "Expires"),
            ),
            # Not a redirect: the class's Retry-After does not apply.
            class_headers=(_DATE_MUST,),
            unwanted_headers=("Content-Type", "Content-Encoding", "Content-Language"),
            no_content_section="RFC 9110 §15.4.5",
        ),
        StatusRules(
            307, headers=(_location("RFC 9110 §15.4.8", _REDIRECT_TARGET, app_requires=True),)
        ),
        StatusRules(
            308,
            headers=(_location("RFC 9110 §15.4.9", _REDIRECT_TARGET, app_requires=True),),
            cacheable_section=_CACHEABLE,
        ),
        StatusRules(
            401,
            headers=(
                _rule(
                    "WWW-Authenticate",
                    "MUST",
                    "RFC 9110 §15.5.2",
                    _("At least one challenge for the target resource."),
                    keyword="www_authenticate",
                    app_requires=True,
                ),
            ),
        ),
        StatusRules(404, cacheable_section=_CACHEABLE),
        StatusRules(
            405,
            headers=(
                _rule(
                    "Allow",
                    "MUST",
                    "RFC 9110 §15.5.6",
                    _("The methods the target resource supports; may be empty."),
                    keyword="allow",
                    app_requires=True,
                ),
            ),
            cacheable_section=_CACHEABLE,
        ),
        StatusRules(
            407,
            headers=(
                _rule(
                    "Proxy-Authenticate",
                    "MUST",
                    "RFC 9110 §15.5.8",
                    _("At least one challenge for the proxy."),
                    keyword="proxy_authenticate",
                    app_requires=True,
                    hop_by_hop=True,
                ),
            ),
        ),
        StatusRules(410, cacheable_section=_CACHEABLE),
        StatusRules(
            413,
            headers=(
                _retry_after(
                    "RFC 9110 §15.5.14",
                    "SHOULD",
                    _("If the condition is temporary: when the client may try again."),
                ),
            ),
        ),
        StatusRules(414, cacheable_section=_CACHEABLE),
        StatusRules(
            415,
            headers=(
                _rule(
                    "Accept-Encoding",
                    "SHOULD",
                    "RFC 9110 §12.5.3",
                    _("When an unsupported content coding caused the error (the RFC: “ought to”)."),
                ),
            ),
        ),
        StatusRules(
            416,
            headers=(
                _rule(
                    "Content-Range",
                    "SHOULD",
                    "RFC 9110 §15.5.17",
                    _(
                        "“bytes */LENGTH”: the current length of the representation. This app "
                        "requires it, more strictly than the RFC."
                    ),
                    keyword="length",
                    options=("unit",),
                    app_requires=True,
                ),
            ),
        ),
        StatusRules(
            426,
            headers=(
                _upgrade(
                    "RFC 9110 §15.5.22",
                    _("The protocols the client must switch to."),
                    keyword="upgrade",
                ),
                _UPGRADE_CONNECTION,
            ),
        ),
        StatusRules(428, no_store_section="RFC 6585 §3"),
        StatusRules(429, headers=(_retry_after("RFC 6585 §4"),), no_store_section="RFC 6585 §4"),
        StatusRules(431, no_store_section="RFC 6585 §5"),
        StatusRules(
            451,
            headers=(
                _rule(
                    "Link",
                    "SHOULD",
                    "RFC 7725 §4",
                    _("rel=“blocked-by”: the entity that blocks the resource."),
                    keyword="blocked_by",
                    joins_others=True,
                ),
            ),
            cacheable_section="RFC 7725 §3",
        ),
        StatusRules(501, cacheable_section=_CACHEABLE),
        StatusRules(503, headers=(_retry_after("RFC 9110 §15.6.4"),)),
        StatusRules(511, no_store_section="RFC 6585 §6"),
    ]
}

#: What every status of a class shares, by the class's first digit.
_CLASS_HEADERS: dict[int, tuple[HeaderRule, ...]] = {
    1: (_DATE_MAY,),
    2: (_DATE_MUST,),
    3: (
        _DATE_MUST,
        _retry_after(
            "RFC 9110 §10.2.3", note=_("The minimum time to wait before following the redirect.")
        ),
    ),
    4: (_DATE_MUST,),
    5: (_DATE_MAY,),
}


#: Statuses a view must never raise, with the reason (and the section that gives it).
NOT_RAISABLE: dict[int, str] = {
    304: "a 304 must carry the validators a 200 would have sent (RFC 9110 §15.4.5): let "
    "Django's conditional view decorators or ConditionalGetMiddleware answer it",
    305: "305 Use Proxy is deprecated (RFC 9110 §15.4.6)",
    306: "306 is reserved and unused (RFC 9110 §15.4.7)",
}


def rules_for(code: int) -> StatusRules:
    """The rules for ``code``; a code the table does not name gets those of its class."""
    return _RULES.get(code) or _class_rules(code)


def _class_rules(code: int) -> StatusRules:
    interim = _INTERIM if 100 <= code < 200 else None
    return StatusRules(
        code, class_headers=_CLASS_HEADERS.get(code // 100, ()), no_content_section=interim
    )


#: Every rule of the table, its class's rules joined in. Codes outside it are built on demand:
#: a cache keyed on any integer a caller passes would grow without bound.
_RULES: dict[int, StatusRules] = {
    code: dataclasses.replace(
        rules, class_headers=rules.class_headers or _CLASS_HEADERS.get(code // 100, ())
    )
    for code, rules in _TABLE.items()
}


def header_for_keyword(keyword: str) -> str:
    """The header an exception keyword sets (``"allow"`` -> ``"Allow"``), for every status."""
    for rules in _RULES.values():
        if keyword in rules.keywords:
            return rules.keywords[keyword].name
    raise KeyError(keyword)


def keyword_headers() -> dict[str, str]:
    """Headers that only a keyword may set, lower-cased, with that keyword (``allow``...)."""
    return {
        rule.name.lower(): rule.keyword
        for rules in _RULES.values()
        for rule in rules.all_headers
        if rule.keyword is not None and not rule.joins_others
    }


def forbids_content(code: int) -> bool:
    """True where a response with this status must not carry content."""
    return rules_for(code).forbids_content
