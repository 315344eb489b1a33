"""The rules every text of the app obeys, wherever it is written: admin, API, dataset, code.

Each validator raises Django's ``ValidationError``; the API and the admin show its message.
"""

from __future__ import annotations

import re
from typing import Any, TypeGuard

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

__all__ = [
    "PHRASE_MAX_LENGTH",
    "WHITE_SPACE",
    "has_lone_surrogate",
    "is_integer",
    "validate_phrases",
    "validate_text",
    "validate_title",
]

PHRASE_MAX_LENGTH = 100

#: Every character ``str.isspace()`` is true of, spelled out so that the same class means the
#: same in Python and in an ECMAScript pattern of the OpenAPI schema.
WHITE_SPACE = r"\x09-\x0d\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_BLANK = re.compile(f"[^{WHITE_SPACE}]")


def is_integer(value: object) -> TypeGuard[int]:
    """True for an ``int`` that is not a ``bool`` (which Python counts as one)."""
    return isinstance(value, int) and not isinstance(value, bool)


def has_lone_surrogate(value: str) -> bool:
    """True where ``value`` holds a code point that no UTF-8 text can carry (U+D800–U+DFFF)."""
    return _SURROGATE.search(value) is not None


def validate_text(value: Any) -> None:
    """Refuse a NUL or a lone surrogate: neither can be stored or sent as UTF-8 text."""
    if not isinstance(value, str):
        return  # the field's own type check speaks first
    if "\x00" in value:
        raise ValidationError(_("Text must not contain NUL characters."), code="null_characters")
    if has_lone_surrogate(value):
        raise ValidationError(
            _("Text must not contain unpaired surrogate characters."), code="surrogate_characters"
        )


def validate_title(value: Any) -> None:
    """A title says something: white space alone is no title (the admin's rule and the API's)."""
    validate_text(value)
    if isinstance(value, str) and not _NOT_BLANK.search(value):
        raise ValidationError(_("A title must not be blank."), code="blank")


def validate_phrases(value: Any) -> None:
    """``former_phrases``: a list of non-empty strings of at most 100 characters."""
    if not isinstance(value, list):
        raise ValidationError(_("Give a list of phrases."), code="invalid_phrases")
    for phrase in value:
        if not isinstance(phrase, str) or not _NOT_BLANK.search(phrase):
            raise ValidationError(
                _("Each former phrase must be a non-empty text."), code="invalid_phrases"
            )
        if len(phrase) > PHRASE_MAX_LENGTH:
            raise ValidationError(
                _("Each former phrase has at most %(limit)d characters."),
                code="invalid_phrases",
                params={"limit": PHRASE_MAX_LENGTH},
            )
        validate_text(phrase)
