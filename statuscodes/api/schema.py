"""drf-spectacular extensions: parts of the OpenAPI schema that depend on the host's settings."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension

from statuscodes.languages import configured_languages


class TranslationsFieldExtension(OpenApiSerializerFieldExtension):  # type: ignore[no-untyped-call]
    """``translations`` may hold exactly the languages of ``settings.LANGUAGES``."""

    target_class = "statuscodes.api.serializers.TranslationsField"

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        text = auto_schema.resolve_serializer(self.target.child, direction).ref
        return {
            "type": "object",
            "properties": {language: text for language in configured_languages()},
            "additionalProperties": False,
        }
