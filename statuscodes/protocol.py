"""What the RFCs require of each status code.

This is protocol knowledge, not editable data: the exceptions, the API and the pages all read
it from here. Sections are those of RFC 9110 unless another document is named.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = [
    "NOT_RAISABLE",
    "HeaderRule",
    "Level",
    "StatusRules",
    "forbids_content",
    "rules_for",
]

Level = Literal["required", "recommended"]


@dataclass(frozen=True)
class HeaderRule:
    """A response header that a status requires or recommends."""

    name: str
    level: Level
    section: str
    note: str | Promise = ""

    @property
    def required(self) -> bool:
        return self.level == "required"


@dataclass(frozen=True)
class StatusRules:
    """The rules for one status; a ``*_section`` is ``None`` where its rule does not apply."""

    code: int
    headers: tuple[HeaderRule, ...] = ()
    no_content_section: str | None = None
    no_store_section: str | None = None
    cacheable_section: str | None = None

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
    def required_headers(self) -> tuple[HeaderRule, ...]:
        return tuple(rule for rule in self.headers if rule.level == "required")

    @property
    def recommended_headers(self) -> tuple[HeaderRule, ...]:
        return tuple(rule for rule in self.headers if rule.level == "recommended")


def _required(name: str, section: str, note: str | Promise = "") -> HeaderRule:
    return HeaderRule(name, "required", section, note)


def _recommended(name: str, section: str, note: str | Promise = "") -> HeaderRule:
    return HeaderRule(name, "recommended", section, note)


_CACHEABLE = "RFC 9110 §15.1"
_UPGRADE_CONNECTION = _required(
    "Connection", "RFC 9110 §7.8", _("Must contain the “upgrade” option whenever Upgrade is sent.")
)
_LOCATION = _required("Location", "RFC 9110 §10.2.2", _("The target the client is redirected to."))
_RETRY_AFTER_NOTE = _("How long the client ought to wait before a new request.")
_NOT_MODIFIED_NOTE = _("Sent if a 200 response to the same request would have carried it.")

_TABLE: dict[int, StatusRules] = {
    rules.code: rules
    for rules in [
        StatusRules(100, no_content_section="RFC 9110 §15.2"),
        StatusRules(
            101,
            headers=(
                _required(
                    "Upgrade", "RFC 9110 §15.2.2", _("The protocol or protocols switched to.")
                ),
                _UPGRADE_CONNECTION,
            ),
            no_content_section="RFC 9110 §15.2",
        ),
        StatusRules(102, no_content_section="RFC 9110 §15.2"),
        StatusRules(
            103,
            headers=(
                _recommended(
                    "Link", "RFC 8297 §2", _("Resources the client can start loading early.")
                ),
            ),
            no_content_section="RFC 9110 §15.2",
        ),
        StatusRules(104, no_content_section="RFC 9110 §15.2"),
        StatusRules(200, cacheable_section=_CACHEABLE),
        StatusRules(
            201,
            headers=(
                _recommended(
                    "Location", "RFC 9110 §15.3.2", _("The URI of the primary resource created.")
                ),
            ),
        ),
        StatusRules(203, cacheable_section=_CACHEABLE),
        StatusRules(204, no_content_section="RFC 9110 §15.3.5", cacheable_section=_CACHEABLE),
        StatusRules(205, no_content_section="RFC 9110 §15.3.6"),
        StatusRules(
            206,
            headers=(
                _required(
                    "Content-Range",
                    "RFC 9110 §15.3.7.1",
                    _("For a single part; several parts use multipart/byteranges instead."),
                ),
            ),
            cacheable_section=_CACHEABLE,
        ),
        StatusRules(
            300,
            headers=(
                _recommended(
                    "Location", "RFC 9110 §15.4.1", _("The server's preferred choice, if any.")
                ),
            ),
            cacheable_section=_CACHEABLE,
        ),
        StatusRules(301, headers=(_LOCATION,), cacheable_section=_CACHEABLE),
        StatusRules(302, headers=(_LOCATION,)),
        StatusRules(303, headers=(_LOCATION,)),
        StatusRules(
            304,
            headers=tuple(
                _recommended(name, "RFC 9110 §15.4.5", _NOT_MODIFIED_NOTE)
                for name in ("ETag", "Cache-Control", "Vary", "Content-Location", "Expires")
            ),
            no_content_section="RFC 9110 §15.4.5",
        ),
        StatusRules(307, headers=(_LOCATION,)),
        StatusRules(308, headers=(_LOCATION,), cacheable_section=_CACHEABLE),
        StatusRules(
            401,
            headers=(
                _required(
                    "WWW-Authenticate",
                    "RFC 9110 §15.5.2",
                    _("At least one challenge for the target resource."),
                ),
            ),
        ),
        StatusRules(404, cacheable_section=_CACHEABLE),
        StatusRules(
            405,
            headers=(
                _required(
                    "Allow",
                    "RFC 9110 §15.5.6",
                    _("The methods the target resource supports; may be empty."),
                ),
            ),
            cacheable_section=_CACHEABLE,
        ),
        StatusRules(
            407,
            headers=(
                _required(
                    "Proxy-Authenticate",
                    "RFC 9110 §15.5.8",
                    _("At least one challenge for the proxy."),
                ),
            ),
        ),
        StatusRules(410, cacheable_section=_CACHEABLE),
        StatusRules(
            413, headers=(_recommended("Retry-After", "RFC 9110 §15.5.14", _RETRY_AFTER_NOTE),)
        ),
        StatusRules(414, cacheable_section=_CACHEABLE),
        StatusRules(
            415,
            headers=(
                _recommended(
                    "Accept-Encoding",
                    "RFC 9110 §15.5.16",
                    _("When an unsupported content coding caused the error."),
                ),
            ),
        ),
        StatusRules(
            416,
            headers=(
                _recommended(
                    "Content-Range",
                    "RFC 9110 §15.5.17",
                    _("“bytes */LENGTH”: the current length of the representation."),
                ),
            ),
        ),
        StatusRules(
            426,
            headers=(
                _required(
                    "Upgrade", "RFC 9110 §15.5.22", _("The protocols the client must switch to.")
                ),
                _UPGRADE_CONNECTION,
            ),
        ),
        StatusRules(428, no_store_section="RFC 6585 §3"),
        StatusRules(
            429,
            headers=(_recommended("Retry-After", "RFC 6585 §4", _RETRY_AFTER_NOTE),),
            no_store_section="RFC 6585 §4",
        ),
        StatusRules(431, no_store_section="RFC 6585 §5"),
        StatusRules(
            451,
            headers=(
                _recommended(
                    "Link",
                    "RFC 7725 §4",
                    _("rel=“blocked-by”: the entity that blocks the resource."),
                ),
            ),
            cacheable_section="RFC 7725 §3",
        ),
        StatusRules(501, cacheable_section=_CACHEABLE),
        StatusRules(
            503, headers=(_recommended("Retry-After", "RFC 9110 §15.6.4", _RETRY_AFTER_NOTE),)
        ),
        StatusRules(511, no_store_section="RFC 6585 §6"),
    ]
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
    rules = _TABLE.get(code)
    return rules if rules is not None else _class_rules(code)


@functools.lru_cache(maxsize=512)
def _class_rules(code: int) -> StatusRules:
    if 100 <= code < 200:
        return StatusRules(code, no_content_section="RFC 9110 §15.2")
    return StatusRules(code)


def forbids_content(code: int) -> bool:
    """True where a response with this status must not carry content."""
    return rules_for(code).forbids_content
