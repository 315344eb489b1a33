"""The OpenAPI schema of the status code API: its operations, parameters and extensions."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import (
    OpenApiParameter,
    PolymorphicProxySerializer,
    extend_schema,
)

from statuscodes.api.openapi import ProblemAutoSchema
from statuscodes.api.params import ALL
from statuscodes.api.serializers import (
    ProblemTypeAllLanguagesSerializer,
    ProblemTypeSerializer,
    StatusCodeAllLanguagesSerializer,
    StatusCodeCreateSerializer,
    StatusCodeSerializer,
    StatusCodeWriteSerializer,
)
from statuscodes.languages import configured_languages
from statuscodes.models import StatusCode

__all__ = [
    "CODE",
    "CREATE",
    "DESTROY",
    "LIST",
    "LIST_PARAMETERS",
    "PARTIAL_UPDATE",
    "PROBLEM_LIST",
    "PROBLEM_READ",
    "PROBLEM_READ_MANY",
    "PROBLEM_RETRIEVE",
    "READ",
    "READ_MANY",
    "RETRIEVE",
    "UPDATE",
    "StatusCodeSchema",
    "TranslationsFieldExtension",
]


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


def _read_shapes(name: str, one: type[Any], every: type[Any]) -> tuple[Any, Any]:
    """The read shape depends on ``lang``: one language, or every one under ``translations``."""
    shapes = [one, every]
    item = PolymorphicProxySerializer(
        component_name=f"{name}Read", serializers=shapes, resource_type_field_name=None
    )
    items = PolymorphicProxySerializer(
        component_name=f"{name}ReadMany",
        serializers=shapes,
        resource_type_field_name=None,
        many=True,
    )
    return item, items


READ, READ_MANY = _read_shapes("StatusCode", StatusCodeSerializer, StatusCodeAllLanguagesSerializer)

LIST_PARAMETERS = [
    OpenApiParameter("class", str, enum=[f"{d}xx" for d in "12345"] + list("12345")),
    OpenApiParameter("status", str, enum=StatusCode.Status.values),
    OpenApiParameter(
        "search",
        str,
        description=(
            "The start of a code (40; several: 404 410), or a phrase in the status line, the "
            "class (4xx), a former phrase, or the title or description of the served language "
            "(every language with lang=all). Case and ё/е do not matter."
        ),
    ),
    OpenApiParameter("ordering", str, enum=["code", "-code"]),
]
CODE = OpenApiParameter(
    "code", int, OpenApiParameter.PATH, description="The status code, e.g. 404."
)


class StatusCodeSchema(ProblemAutoSchema):
    """Documents ``lang`` with the languages configured when the schema is generated."""

    def get_override_parameters(self) -> list[Any]:
        lang = OpenApiParameter(
            "lang",
            str,
            enum=[*configured_languages(), ALL],
            description=str(
                _(
                    "The language of the texts, or “all” for every language under translations. "
                    "Overrides Accept-Language."
                )
            ),
        )
        parameters: list[Any] = super().get_override_parameters()
        return [lang, *parameters] if self.method != "DELETE" else parameters


# The operations of StatusCodeViewSet -------------------------------------------------------

LIST = extend_schema(
    auth=[],  # reads are public and look at no credentials
    parameters=LIST_PARAMETERS,
    responses={200: READ_MANY, 304: None},
)
RETRIEVE = extend_schema(
    auth=[],
    parameters=[CODE],
    responses={200: READ, 304: None},
)
CREATE = extend_schema(
    request=StatusCodeCreateSerializer,
    responses={201: READ},
)
UPDATE = extend_schema(
    request=StatusCodeWriteSerializer,
    parameters=[CODE],
    responses={200: READ},
)
PARTIAL_UPDATE = extend_schema(
    request=StatusCodeWriteSerializer,
    parameters=[CODE],
    responses={200: READ},
)
DESTROY = extend_schema(parameters=[CODE], responses={204: None})

PROBLEM_READ, PROBLEM_READ_MANY = _read_shapes(
    "ProblemType", ProblemTypeSerializer, ProblemTypeAllLanguagesSerializer
)
PROBLEM_LIST = extend_schema(
    auth=[],
    parameters=[
        OpenApiParameter(
            "status",
            {"type": "integer", "minimum": 100, "maximum": 599},
            description="Only the types of this HTTP status.",
        ),
        OpenApiParameter(
            "search",
            {"type": "string", "maxLength": 100},
            description="Part of the slug, title or description. Case and ё/е do not matter.",
        ),
    ],
    responses={200: PROBLEM_READ_MANY, 304: None},
)
PROBLEM_RETRIEVE = extend_schema(
    auth=[],
    parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH)],
    responses={200: PROBLEM_READ, 304: None},
)
