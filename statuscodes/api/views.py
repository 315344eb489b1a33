"""The status code API: reads served from the cached catalogue with ETags, writes through DRF."""

from __future__ import annotations

import builtins
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from django.http import HttpResponse, HttpResponseBase
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework import status as http
from rest_framework.parsers import JSONParser
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from statuscodes.api import schema as _schema  # noqa: F401  (registers the schema extensions)
from statuscodes.api.handlers import exception_handler
from statuscodes.api.params import ALL, ListParams, parse_language, parse_list_params
from statuscodes.api.serializers import (
    Item,
    ProblemSerializer,
    StatusCodeAllLanguagesSerializer,
    StatusCodeCreateSerializer,
    StatusCodeSerializer,
    StatusCodeWriteSerializer,
)
from statuscodes.catalog import Catalog, Entry, data_version, get_catalog
from statuscodes.conf import app_settings
from statuscodes.exceptions import NotFound
from statuscodes.languages import configured_languages
from statuscodes.models import StatusCode
from statuscodes.rendering import page_url

__all__ = ["StatusCodeViewSet"]

VARY = ("Accept", "Accept-Language")
_PLAIN_JSON_ACCEPTS = frozenset({"", "*/*", "application/json"})
PROBLEM = "application/problem+json"


def _problems(*codes: int) -> dict[Any, Any]:
    descriptions = {
        400: _("An invalid parameter or body; each error is listed under errors."),
        401: _("Authentication is needed; WWW-Authenticate carries the challenges."),
        403: _("The user lacks the permission."),
        404: _("No such status code."),
        409: _("The code exists already, or a new translation lacks its title."),
    }
    return {
        (c, PROBLEM): OpenApiResponse(ProblemSerializer, description=descriptions[c]) for c in codes
    }


#: The read shape depends on ``lang``: one language, or every language under ``translations``.
READ = PolymorphicProxySerializer(
    component_name="StatusCodeRead",
    serializers=[StatusCodeSerializer, StatusCodeAllLanguagesSerializer],
    resource_type_field_name=None,
)
READ_MANY = PolymorphicProxySerializer(
    component_name="StatusCodeReadMany",
    serializers=[StatusCodeSerializer, StatusCodeAllLanguagesSerializer],
    resource_type_field_name=None,
    many=True,
)

LIST_PARAMETERS = [
    OpenApiParameter("class", str, enum=[f"{d}xx" for d in "12345"] + list("12345")),
    OpenApiParameter("status", str, enum=StatusCode.Status.values),
    OpenApiParameter(
        "search",
        str,
        description="Part of the code, the phrase, or the served title or description.",
    ),
    OpenApiParameter("ordering", str, enum=["code", "-code"]),
]
CODE = OpenApiParameter(
    "code", int, OpenApiParameter.PATH, description="The status code, e.g. 404."
)


class _BodyCache:
    """Rendered JSON bodies by (data version, representation), most recently used kept."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], build: Callable[[], bytes]) -> bytes:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
                return body
        body = build()
        with self._lock:
            self._items[key] = body
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return body

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


bodies = _BodyCache()


class StatusCodeSchema(AutoSchema):
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


class ReadOrModelPermissions(DjangoModelPermissions):
    """Anyone reads; writing needs the model permission (add, change or delete)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        # Reads never look at the user: no session lookup, and no Vary: Cookie on shared data.
        return request.method in SAFE_METHODS or super().has_permission(request, view)


class StatusCodeViewSet(GenericViewSet[StatusCode]):
    """Status codes with their texts in the client's language; writes need model permissions."""

    queryset = StatusCode.objects.all()
    lookup_field = "code"
    permission_classes = [ReadOrModelPermissions]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]
    parser_classes = [JSONParser]
    schema = StatusCodeSchema()

    def perform_content_negotiation(
        self, request: Request, force: bool = False
    ) -> tuple[BaseRenderer, str]:
        # Most clients send no Accept, */* or application/json: skip DRF's general matching.
        if request.META.get("HTTP_ACCEPT", "*/*") in _PLAIN_JSON_ACCEPTS:
            renderer = self.get_renderers()[0]
            return renderer, renderer.media_type
        result: tuple[BaseRenderer, str] = super().perform_content_negotiation(request, force)
        return result

    def perform_authentication(self, request: Request) -> None:
        # Authenticate writes up front; reads do not depend on who asks.
        if request.method not in SAFE_METHODS:
            request.user  # noqa: B018

    def get_exception_handler(self) -> Callable[..., Any]:
        # Problem details whatever the host's EXCEPTION_HANDLER says.
        return exception_handler

    def get_serializer_class(self) -> type[Any]:
        if self.action == "create":
            return StatusCodeCreateSerializer
        if self.action in {"update", "partial_update"}:
            return StatusCodeWriteSerializer
        return StatusCodeSerializer

    # Reads -----------------------------------------------------------------------------------

    @extend_schema(
        auth=[],  # reads are public and look at no credentials
        parameters=LIST_PARAMETERS,
        responses={200: READ_MANY, 304: None, **_problems(400)},
    )
    def list(self, request: Request) -> HttpResponseBase:
        params = parse_list_params(request)
        return self._read(request, ("list", params), lambda catalog: self._list(catalog, params))

    @extend_schema(
        auth=[],
        parameters=[CODE],
        responses={200: READ, 304: None, **_problems(400, 404)},
    )
    def retrieve(self, request: Request, code: str) -> HttpResponseBase:
        number = _code_number(code)
        language = parse_language(request)

        def build(catalog: Catalog) -> Any:
            entry = catalog.get(number)
            if entry is None:
                raise NotFound()
            return self._item(entry, language)

        return self._read(request, ("detail", number, language), build)

    def _read(
        self, request: Request, key: tuple[Any, ...], build: Callable[[Catalog], Any]
    ) -> HttpResponseBase:
        """A conditional read: the ETag comes from the data version and the representation,
        so ``If-None-Match`` is answered before anything is looked up or serialised."""
        language = key[-1] if key[0] == "detail" else key[1].language
        fmt = request.accepted_renderer.format
        key = (*key, request.get_host(), request.scheme, fmt)
        version = data_version()
        etag = (
            '"' + hashlib.blake2b(repr((version, key)).encode(), digest_size=12).hexdigest() + '"'
        )
        headers = self._read_headers(language, etag)
        if _matches(request.META.get("HTTP_IF_NONE_MATCH", ""), etag):
            return self._with(HttpResponse(status=http.HTTP_304_NOT_MODIFIED), headers, html=False)
        if fmt != "json":  # the browsable API renders DRF's way, with the user's own page
            return self._with(Response(build(get_catalog(version))), headers, html=True)
        body = bodies.get(
            (version, key),
            lambda: json.dumps(
                build(get_catalog(version)), ensure_ascii=False, separators=(",", ":")
            ).encode(),
        )
        return self._with(HttpResponse(body, content_type="application/json"), headers, html=False)

    def _read_headers(self, language: str | None, etag: str) -> dict[str, str]:
        served = ", ".join(configured_languages()) if language is None else language
        return {
            "ETag": etag,
            "Content-Language": served,
            "Cache-Control": f"public, max-age={app_settings.API_MAX_AGE}",
        }

    def _with(
        self, response: HttpResponseBase, headers: dict[str, str], *, html: bool
    ) -> HttpResponseBase:
        for name, value in headers.items():
            response[name] = value
        if html:  # pages with the user's name and forms are not for shared caches
            response["Cache-Control"] = "private, no-cache"
            del response["ETag"]
        patch_vary_headers(response, VARY)
        return response

    def _list(self, catalog: Catalog, params: ListParams) -> builtins.list[dict[str, Any]]:
        entries = sorted(
            catalog.entries.values(), key=lambda e: e.code.code, reverse=params.descending
        )
        return [self._item(entry, params.language) for entry in entries if _keep(entry, params)]

    def _item(self, entry: Entry, language: str | None) -> dict[str, Any]:
        code = entry.code.code
        url = self.request.build_absolute_uri(
            reverse("statuscodes-api:code-detail", kwargs={"code": code})
        )
        item = Item(entry, language, url, page_url(self.request, code))
        serializer = StatusCodeAllLanguagesSerializer if language is None else StatusCodeSerializer
        return serializer(item).data

    # Writes ----------------------------------------------------------------------------------

    @extend_schema(
        request=StatusCodeCreateSerializer,
        responses={201: READ, **_problems(400, 401, 403, 409)},
    )
    def create(self, request: Request) -> Response:
        serializer = StatusCodeCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        code = serializer.save()
        return self._written(request, code.code, http.HTTP_201_CREATED)

    @extend_schema(
        request=StatusCodeWriteSerializer,
        parameters=[CODE],
        responses={200: READ, **_problems(400, 401, 403, 404, 409)},
    )
    def update(self, request: Request, code: str, partial: bool = False) -> Response:
        instance = self._instance(code)
        serializer = StatusCodeWriteSerializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return self._written(request, instance.code, http.HTTP_200_OK)

    @extend_schema(
        request=StatusCodeWriteSerializer,
        parameters=[CODE],
        responses={200: READ, **_problems(400, 401, 403, 404, 409)},
    )
    def partial_update(self, request: Request, code: str) -> Response:
        return self.update(request, code, partial=True)

    @extend_schema(parameters=[CODE], responses={204: None, **_problems(401, 403, 404)})
    def destroy(self, request: Request, code: str) -> Response:
        self._instance(code).delete()
        return Response(status=http.HTTP_204_NO_CONTENT)

    def _instance(self, code: str) -> StatusCode:
        instance = StatusCode.objects.filter(code=_code_number(code)).first()
        if instance is None:
            raise NotFound()
        self.check_object_permissions(self.request, instance)
        return instance

    def _written(self, request: Request, code: int, status: int) -> Response:
        language = parse_language(request)
        entry = get_catalog().get(code)
        assert entry is not None
        response = Response(self._item(entry, language), status=status)
        response["Content-Language"] = (
            ", ".join(configured_languages()) if language is None else language
        )
        patch_vary_headers(response, VARY)
        return response


def _code_number(code: str) -> int:
    if not code.isdigit() or len(code) != 3:
        raise NotFound()
    return int(code)


def _keep(entry: Entry, params: ListParams) -> bool:
    code = entry.code
    if params.code_class is not None and code.code // 100 != params.code_class:
        return False
    if params.status is not None and code.status != params.status:
        return False
    if params.search:
        needle = params.search.casefold()
        texts: Sequence[str] = [str(code.code), code.phrase]
        if params.language is None:
            texts = [
                *texts,
                *(t.title for t in entry.translations),
                *(t.description for t in entry.translations),
            ]
        else:
            text = entry.text(params.language)
            texts = [*texts, text.title, text.description]
        return any(needle in value.casefold() for value in texts)
    return True


def _matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 §13.1.2: ``*`` or a list containing the tag (weak comparison)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return etag in tags
