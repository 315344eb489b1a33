"""Language tags: normalisation, the configured set, and the fallback chain."""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from statuscodes import caches

__all__ = [
    "ACCEPT_LANGUAGE_MAX_LENGTH",
    "FINAL_FALLBACK",
    "accept_language",
    "accepted_languages",
    "configured_languages",
    "fallback_chain",
    "generic_language",
    "normalize_language",
    "validate_language",
]

#: The language every shipped code has a text in; the last named step of the chain.
FINAL_FALLBACK = "en"

_TAG = re.compile(r"[a-z]{2,3}(-[a-z0-9]{1,8})*")


# RFC 9110 §12.5.4 and RFC 4647 §2.1: language-range, then an optional weight (§12.4.2).
_RANGE = re.compile(r"\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_WEIGHT = re.compile(r"[qQ]=(0(\.[0-9]{0,3})?|1(\.0{0,3})?)")
#: A longer Accept-Language is not read at all: no client needs more, and parsing costs time.
ACCEPT_LANGUAGE_MAX_LENGTH = 500


def accept_language(value: str) -> list[str]:
    """The ranges of an ``Accept-Language`` value, most preferred first, ``q=0`` dropped.

    A member that is not a language range with an optional weight is ignored; ranges of equal
    weight keep the client's order.
    """
    if len(value) > ACCEPT_LANGUAGE_MAX_LENGTH:
        return []
    weighted: list[tuple[float, int, str]] = []
    for index, member in enumerate(value.split(",")):
        language, _sep, parameters = member.strip().partition(";")
        language = language.strip()
        weight = 1.0
        if parameters:
            match = _WEIGHT.fullmatch(parameters.strip())
            if match is None:
                continue
            weight = float(match.group(1))
        if _RANGE.fullmatch(language) and weight > 0:
            weighted.append((-weight, index, language))
    return [language for _weight, _index, language in sorted(weighted)]


def normalize_language(tag: str) -> str:
    """Return ``tag`` as stored: lower case with hyphens (``pt_BR`` -> ``pt-br``)."""
    return tag.strip().replace("_", "-").lower()


def generic_language(tag: str) -> str:
    """Return the generic form of a tag (``ru-ru`` -> ``ru``)."""
    return normalize_language(tag).split("-", 1)[0]


def configured_languages() -> list[str]:
    """The normalised codes of ``settings.LANGUAGES``, in their configured order."""
    seen: dict[str, None] = {}
    for code, _name in settings.LANGUAGES:
        seen.setdefault(normalize_language(code), None)
    return list(seen)


def accepted_languages() -> list[str]:
    """The configured languages and their generic forms (``en-us`` also admits ``en``)."""
    tags: dict[str, None] = {}
    for tag in configured_languages():
        tags.setdefault(tag, None)
        tags.setdefault(generic_language(tag), None)
    return list(tags)


def validate_language(value: str) -> None:
    """Refuse a tag that is malformed or not one of ``settings.LANGUAGES``."""
    tag = normalize_language(value)
    if not _TAG.fullmatch(tag):
        raise ValidationError(
            _("“%(value)s” is not a valid language tag."), code="invalid", params={"value": value}
        )
    allowed = accepted_languages()
    if tag not in allowed:
        raise ValidationError(
            _("“%(value)s” is not one of the configured languages: %(allowed)s."),
            code="unknown_language",
            params={"value": value, "allowed": ", ".join(allowed)},
        )


def fallback_chain(language: str | None) -> list[str]:
    """Languages to try, in order, for one field of a text.

    The requested language, its generic form, ``settings.LANGUAGE_CODE`` (and its generic form),
    then English. Callers fall back to any text that exists after the chain is exhausted.
    """
    return list(_chain(language, settings.LANGUAGE_CODE))


@functools.lru_cache(maxsize=256)
def _chain(language: str | None, language_code: str) -> tuple[str, ...]:
    # Cached on its inputs: it runs for every text served, with few distinct arguments.
    candidates: list[str] = []
    for tag in (language, language_code, FINAL_FALLBACK):
        if tag:
            candidates += [normalize_language(tag), generic_language(tag)]
    return tuple(dict.fromkeys(candidates))


caches.register("languages.fallback_chains", _chain.cache_clear)
