"""The query of the reference list (``?q=``, ``?class=``, ``?standard=``), validated; the
admin's field for a list of phrases.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from statuscodes.search import SEARCH_MAX_LENGTH
from statuscodes.validators import validate_phrases

__all__ = ["CLASS_NAMES", "CodeFilterForm", "PhrasesField"]

#: The five classes of RFC 9110 §15, by their first digit.
CLASS_NAMES = {
    1: _("Informational"),
    2: _("Successful"),
    3: _("Redirection"),
    4: _("Client error"),
    5: _("Server error"),
}


class CodeFilterForm(forms.Form):
    """The list's filters; an unknown value is a validation error, never a server error."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        error_messages={
            "max_length": _("The search text is too long: at most %(limit_value)d characters.")
        },
    )
    standard = forms.TypedChoiceField(
        label=_("Standard codes only"),
        help_text=_("Hides unofficial, unused, obsoleted and temporary codes."),
        required=False,
        choices=[("", ""), ("1", "1")],
        coerce=bool,
        empty_value=None,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a value of “standard”: use 1 or leave it out.")
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # "class" is the parameter's public name, and a keyword in a class body.
        self.fields["class"] = forms.TypedChoiceField(
            label=_("Class"),
            required=False,
            choices=[("", _("All classes"))]
            + [(f"{digit}xx", f"{digit}xx {name}") for digit, name in CLASS_NAMES.items()],
            coerce=lambda value: int(value[0]),
            empty_value=None,
            error_messages={
                "invalid_choice": _(
                    "“%(value)s” is not a class of status codes: choose 1xx, 2xx, 3xx, 4xx or 5xx."
                )
            },
        )


class PhrasesField(forms.Field):
    """A list of phrases typed one a line; blank lines are dropped, each line is stripped."""

    widget = forms.Textarea(attrs={"rows": 3})
    default_validators = [validate_phrases]

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return []
        if isinstance(value, str):
            return [line.strip() for line in value.splitlines() if line.strip()]
        return value  # not typed text: validate_phrases judges it

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            # A value stored before validation may hold other JSON: show it, never fail on it.
            return "\n".join(v if isinstance(v, str) else json.dumps(v) for v in value)
        if value is None or isinstance(value, str):
            return value  # the posted text, shown back as typed
        return json.dumps(value)
