"""Serializers of the status code API: one read shape (in one language or all), one write shape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.validators import RegexValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from statuscodes.api.handlers import validation_errors
from statuscodes.catalog import Entry, ProblemEntry
from statuscodes.exceptions import Conflict
from statuscodes.languages import configured_languages
from statuscodes.models import (
    LocalizedText,
    StatusCode,
    StatusCodeTranslation,
    forget_deletion,
)
from statuscodes.protocol import LEVELS, HeaderRule, StatusRules, rules_for
from statuscodes.validators import (
    PHRASE_MAX_LENGTH,
    WHITE_SPACE,
    is_integer,
    validate_text,
    validate_title,
)

__all__ = [
    "HTTP_URL",
    "NOT_BLANK",
    "NO_NUL",
    "REPLACED_DEFAULTS",
    "HeaderRuleSerializer",
    "Item",
    "NewTextSerializer",
    "ProblemItem",
    "ProblemTypeAllLanguagesSerializer",
    "ProblemTypeSerializer",
    "ReferenceSerializer",
    "StatusCodeAllLanguagesSerializer",
    "StatusCodeCreateSerializer",
    "StatusCodeSerializer",
    "StatusCodeWriteSerializer",
    "StrictCharField",
    "StrictIntegerField",
    "TextSerializer",
    "TranslationsField",
    "conflict",
]


class _Texts:
    """The texts of an item: ``text`` in the language served, ``texts`` in every language."""

    entry: Entry | ProblemEntry
    language: str | None

    @property
    def text(self) -> LocalizedText:
        return self.entry.text(self.language)

    @property
    def texts(self) -> dict[str, dict[str, str]]:
        return {
            t.language: {"title": t.title, "description": t.description}
            for t in self.entry.translations
        }


@dataclass(frozen=True)
class Item(_Texts):
    """What one code looks like to the read serializers: a catalogue entry in a language."""

    entry: Entry
    language: str | None  # None: every language, under ``translations``
    url: str
    html_url: str | None

    @property
    def former_phrases(self) -> list[str]:
        # Only texts: a row written before the phrases were validated may hold anything.
        value = self.entry.code.former_phrases
        return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []

    @property
    def rules(self) -> StatusRules:
        return rules_for(self.entry.code.code)


@dataclass(frozen=True)
class ProblemItem(_Texts):
    """What one problem type looks like to the read serializers."""

    entry: ProblemEntry
    language: str | None  # None: every language, under ``translations``
    type: str
    url: str
    html_url: str | None


# Written as ECMA regular expressions too: the schema publishes them as patterns.
# Non-empty on purpose: blank values, where allowed, match the schema's other branch.
NO_NUL = RegexValidator(r"^[^\x00]+$", message=_("Text must not contain NUL characters."))
# The pattern of validate_title: something besides white space (the admin's rule too).
NOT_BLANK = RegexValidator(
    rf"^[^\x00]*[^\x00{WHITE_SPACE}][^\x00]*$", message=_("A title must not be blank.")
)


class StrictCharField(serializers.CharField):
    """A JSON string, never a number or a boolean turned into one."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        value: str = super().to_internal_value(data)
        return value


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer, never a string, a float or a boolean."""

    def to_internal_value(self, data: Any) -> int:
        if not is_integer(data):
            self.fail("invalid")
        value: int = super().to_internal_value(data)
        return value


# Spelled out rather than \s, which means more characters in Python than in ECMAScript.
HTTP_URL = RegexValidator(r"^https?://[^\x00-\x20\x7f]+$", message=_("Give an http or https URL."))


def _text(
    max_length: int | None = None, *, title: bool = False, **kwargs: Any
) -> serializers.CharField:
    # Kept as given: trimming would turn a schema-valid value into a blank one.
    validators: list[Callable[[Any], None]] = (
        [NOT_BLANK, validate_title] if title else [NO_NUL, validate_text]
    )
    return StrictCharField(
        max_length=max_length, validators=validators, trim_whitespace=False, **kwargs
    )


def conflict(errors: dict[str, Any]) -> Conflict:
    """A 409 whose ``errors`` point at what conflicts with the stored data (RFC 9110 §15.5.10)."""
    return Conflict(
        _("The request conflicts with the current state of the status code."),
        extensions={"errors": validation_errors(errors)},
    )


class ReferenceSerializer(serializers.Serializer[Any]):
    document = _text(100, source="reference_document", allow_blank=True, required=False)
    section = _text(100, source="reference_section", allow_blank=True, required=False)
    url = StrictCharField(
        source="reference_url",
        max_length=300,
        allow_blank=True,
        required=False,
        validators=[HTTP_URL],
        help_text=_("An http or https URL."),
    )

    def validate_url(self, value: str) -> str:
        if value.endswith("\n"):  # Python's "$" also matches before a final newline
            raise serializers.ValidationError(_("Give an http or https URL."))
        return value


class HeaderRuleSerializer(serializers.Serializer[HeaderRule]):
    """One header the RFCs name for the status, at the level of their own words."""

    name = serializers.CharField()
    level = serializers.ChoiceField(
        choices=LEVELS, help_text=_("The requirement level in the RFC's words (BCP 14).")
    )
    section = serializers.CharField(help_text=_("The RFC section that states the rule."))
    note = serializers.CharField()
    keyword = serializers.CharField(
        allow_null=True,
        help_text=_("The argument of the status's exception that sets the header, if any."),
    )
    app_requires = serializers.BooleanField(
        help_text=_("The exception cannot be raised without it (stricter than a SHOULD).")
    )


class TextSerializer(serializers.Serializer[Any]):
    """One language's texts; in a change, each field is optional."""

    title = _text(200, title=True, required=False)
    description = _text(allow_blank=True, required=False)


class NewTextSerializer(TextSerializer):
    """One language's texts for a new code: the title is needed."""

    title = _text(200, title=True)


class TranslationsField(serializers.DictField):
    """Texts by language; the schema lists the configured languages (see ``api/schema.py``)."""

    def to_representation(self, value: Any) -> dict[str, Any]:
        if hasattr(value, "all"):  # a stored code's texts, as the browsable API's form shows
            value = {
                t.language: {"title": t.title, "description": t.description} for t in value.all()
            }
        result: dict[str, Any] = super().to_representation(value)
        return result


class _StatusCodeBase(serializers.Serializer[Item]):
    code = serializers.IntegerField(source="entry.code.code")
    phrase = serializers.CharField(
        source="entry.code.phrase", help_text=_("The reason phrase of the IANA registry.")
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        # "class" is a Python keyword, so it is declared here; the rest follows the texts.
        common: dict[str, serializers.Field[Any, Any, Any, Any]] = {
            "class": serializers.CharField(source="entry.code.code_class"),
            "status": serializers.ChoiceField(
                source="entry.code.status", choices=StatusCode.Status.choices
            ),
            "origin": serializers.CharField(source="entry.code.origin"),
            "reference": ReferenceSerializer(source="entry.code"),
            "former_phrases": serializers.ListField(child=serializers.CharField()),
            "headers": HeaderRuleSerializer(many=True, source="rules.all_headers"),
            "url": serializers.URLField(),
            "html_url": serializers.URLField(allow_null=True),
        }
        return {**fields, **common}


class _OneLanguage(serializers.Serializer[Any]):
    """The texts of an item in the one language served."""

    title = serializers.CharField(source="text.title")
    description = serializers.CharField(source="text.description")
    language = serializers.CharField(
        source="text.title_language",
        allow_null=True,
        help_text=_("The language the title was actually served in."),
    )


class _AllLanguages(serializers.Serializer[Any]):
    """The texts of an item in every language, for ``?lang=all``."""

    translations = serializers.DictField(source="texts", child=TextSerializer())


class StatusCodeSerializer(_StatusCodeBase, _OneLanguage):
    """A status code with its texts in one language (read only)."""


class StatusCodeAllLanguagesSerializer(_StatusCodeBase, _AllLanguages):
    """A status code with its texts in every language, for ``?lang=all`` (read only)."""


class _ProblemTypeBase(serializers.Serializer[ProblemItem]):
    slug = serializers.SlugField(source="entry.problem_type.slug")
    type = serializers.CharField(
        help_text=_("The problem's type URI (RFC 9457 §3.1.1): the type's page on this site.")
    )
    status = serializers.IntegerField(
        source="entry.problem_type.status", help_text=_("The HTTP status its responses carry.")
    )
    exception = serializers.CharField(
        source="entry.problem_type.exception", help_text=_("The class that raises it.")
    )
    url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True)


class ProblemTypeSerializer(_ProblemTypeBase, _OneLanguage):
    """A problem type with its texts in one language (read only)."""


class ProblemTypeAllLanguagesSerializer(_ProblemTypeBase, _AllLanguages):
    """A problem type with its texts in every language, for ``?lang=all`` (read only)."""


#: What a PUT that leaves a field out sets it to: the model's defaults.
REPLACED_DEFAULTS: dict[str, Any] = {
    "status": StatusCode.Status.STANDARD,
    "origin": "",
    "reference_document": "",
    "reference_section": "",
    "reference_url": "",
    "former_phrases": [],
}


class StatusCodeWriteSerializer(serializers.ModelSerializer[StatusCode]):
    """Changes a code; ``translations`` changes only the languages and fields given.

    The code itself is the resource's address and never changes: a change takes no ``code``.
    """

    phrase = _text(100, title=True)
    origin = _text(100, allow_blank=True, required=False)
    reference = ReferenceSerializer(source="*", required=False)
    former_phrases = serializers.ListField(
        child=_text(PHRASE_MAX_LENGTH, title=True), required=False
    )
    translations = TranslationsField(child=TextSerializer(), required=False)

    class Meta:
        model = StatusCode
        fields = ["phrase", "status", "origin", "reference", "former_phrases", "translations"]

    def validate_translations(self, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        allowed = configured_languages()
        unknown = [tag for tag in value if tag not in allowed]
        if unknown:
            raise serializers.ValidationError(
                {
                    tag: [
                        _("“%(tag)s” is not a language of this site: %(allowed)s.")
                        % {"tag": tag, "allowed": ", ".join(allowed)}
                    ]
                    for tag in unknown
                }
            )
        existing = set()
        if self.instance is not None:
            existing = set(self.instance.translations.values_list("language", flat=True))
        missing = [
            tag for tag, text in value.items() if tag not in existing and not text.get("title")
        ]
        if missing:
            # Valid on its own, but this code has no such translation yet to change.
            needs_title = ErrorDetail(str(_("A new translation needs a title.")), "required")
            raise conflict({"translations": {tag: {"title": [needs_title]} for tag in missing}})
        return value

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> StatusCode:
        translations = validated_data.pop("translations", {})
        # Made by a person, so the dataset sync never overwrites it.
        code = StatusCode.objects.create(**validated_data, edited=True)
        forget_deletion(code.code)
        for language in translations:
            forget_deletion(code.code, language)
        for language, text in translations.items():
            StatusCodeTranslation.objects.create(
                status_code=code, language=language, edited=True, **text
            )
        return code

    @transaction.atomic
    def update(self, instance: StatusCode, validated_data: dict[str, Any]) -> StatusCode:
        translations = validated_data.pop("translations", {})
        if not self.partial:
            # PUT replaces the metadata: what it leaves out takes its default.
            for name, default in REPLACED_DEFAULTS.items():
                validated_data.setdefault(name, default)
        changed = [f for f, v in validated_data.items() if getattr(instance, f) != v]
        if changed:
            for field in changed:
                setattr(instance, field, validated_data[field])
            instance.edited = True
            # Only what changed: a concurrent change of another field must survive.
            instance.save(update_fields=[*changed, "edited", "updated"])
        for language, text in translations.items():
            translation, created = StatusCodeTranslation.objects.get_or_create(
                status_code=instance, language=language, defaults={**text, "edited": True}
            )
            if created:
                forget_deletion(instance.code, language)
            differing = [f for f, v in text.items() if getattr(translation, f) != v]
            if differing:
                for field in differing:
                    setattr(translation, field, text[field])
                translation.edited = True
                translation.save(update_fields=[*differing, "edited", "updated"])
        return instance


class StatusCodeCreateSerializer(StatusCodeWriteSerializer):
    """Creates a code (a custom one, or a shipped one that was deleted)."""

    code = StrictIntegerField(min_value=100, max_value=599)
    translations = TranslationsField(child=NewTextSerializer(), required=False)

    class Meta(StatusCodeWriteSerializer.Meta):
        fields = ["code", *StatusCodeWriteSerializer.Meta.fields]

    def validate_code(self, value: int) -> int:
        if StatusCode.objects.filter(code=value).exists():
            message = _("The status code %(code)d exists already.") % {"code": value}
            raise conflict({"code": [ErrorDetail(message, "unique")]})
        return value
