"""The status code API: reads served from the cached catalogue with ETags, writes through DRF."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status as http
from rest_framework.exceptions import ErrorDetail
from rest_framework.permissions import SAFE_METHODS
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.viewsets import GenericViewSet

from statuscodes.api import reads
from statuscodes.api import schema as docs
from statuscodes.api.declarations import raises
from statuscodes.api.handlers import exception_handler
from statuscodes.api.params import parse_language, served_language
from statuscodes.api.parsers import BoundedJSONParser
from statuscodes.api.permissions import ReadOrModelPermissions
from statuscodes.api.renderers import BrowsableAPI
from statuscodes.api.serializers import (
    Item,
    ProblemTypeSerializer,
    StatusCodeCreateSerializer,
    StatusCodeSerializer,
    StatusCodeWriteSerializer,
    conflict,
)
from statuscodes.caching import Metadata, evaluate
from statuscodes.catalog import fingerprint, get_catalog
from statuscodes.conf import app_settings
from statuscodes.exceptions import (
    BadRequest,
    Conflict,
    ContentTooLarge,
    MethodNotAllowed,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ServiceUnavailable,
)
from statuscodes.models import ProblemType, StatusCode, record_deletion
from statuscodes.protocol import header_for_keyword

__all__ = [
    "DETAIL_METHODS",
    "LIST_METHODS",
    "READ_METHODS",
    "ProblemTypeViewSet",
    "StatusCodeViewSet",
    "detail_view",
    "list_view",
    "problem_detail_view",
    "problem_list_view",
]

_PLAIN_JSON_ACCEPTS = frozenset({"", "*/*", "application/json"})


#: What every change of a code may meet: a stale or missing If-Match, a body too large, an outage.
_CHANGE_PROBLEMS = (PreconditionFailed, PreconditionRequired, ContentTooLarge, ServiceUnavailable)


class StatusCodeViewSet(GenericViewSet[StatusCode]):
    """Status codes with their texts in the client's language; writes need model permissions."""

    queryset = StatusCode.objects.all()
    lookup_field = "code"
    permission_classes = [ReadOrModelPermissions]
    renderer_classes = [JSONRenderer, BrowsableAPI]
    parser_classes = [BoundedJSONParser]
    schema = docs.StatusCodeSchema()

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
        # Problem details whatever the host's EXCEPTION_HANDLER says, in the served language
        # (the dispatchers below activate it), never the one of a cookie.
        return functools.partial(exception_handler, language=translation.get_language())

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        # The browsable API builds its forms from the instance of the read data: the stored
        # code behind an item, and no instance for a list (the form creates a code).
        instance = kwargs.pop("instance", args[0] if args else None)
        if isinstance(instance, Item):
            instance = instance.entry.code
        elif isinstance(instance, list):
            instance = None
        return super().get_serializer(instance, *args[1:], **kwargs)

    def get_serializer_class(self) -> type[Any]:
        if self.action == "create":
            return StatusCodeCreateSerializer
        if self.action in {"update", "partial_update"}:
            return StatusCodeWriteSerializer
        return StatusCodeSerializer

    # Reads -----------------------------------------------------------------------------------
    # JSON reads normally arrive through ``read_view`` below and never reach DRF; these serve
    # the browsable API, and JSON when the host configures DRF throttling.

    @docs.LIST
    @raises(BadRequest, ServiceUnavailable)
    def list(self, request: Request) -> HttpResponseBase:
        return self._read(reads.list_read(request))

    @docs.RETRIEVE
    @raises(BadRequest, NotFound, PreconditionFailed, ServiceUnavailable)
    def retrieve(self, request: Request, code: str) -> HttpResponseBase:
        return self._read(reads.detail_read(request, code))

    def _read(self, read: reads.Read) -> HttpResponseBase:
        return _read(self.request, read)

    # Writes ----------------------------------------------------------------------------------

    @docs.CREATE
    @raises(Conflict, ContentTooLarge, ServiceUnavailable)
    def create(self, request: Request) -> Response:
        serializer = StatusCodeCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                code = serializer.save()
        except IntegrityError:
            # Another request created the same code between the check and the insert.
            number = serializer.validated_data["code"]
            message = _("The status code %(code)d exists already.") % {"code": number}
            raise conflict({"code": [ErrorDetail(message, "unique")]}) from None
        response = self._written(request, code.code, http.HTTP_201_CREATED)
        # RFC 9110 §15.3.2: the URI of the resource created.
        response[header_for_keyword("location")] = request.build_absolute_uri(
            reverse("statuscodes-api:code-detail", kwargs={"code": code.code})
        )
        return response

    @docs.UPDATE
    @raises(*_CHANGE_PROBLEMS, Conflict)
    def update(self, request: Request, code: str, partial: bool = False) -> Response:
        with transaction.atomic():
            # Read, compare and write under one row lock: no concurrent write is lost.
            instance = self._instance(code, lock=True)
            serializer = StatusCodeWriteSerializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            serializer.save()
        return self._written(request, instance.code, http.HTTP_200_OK)

    @docs.PARTIAL_UPDATE
    @raises(*_CHANGE_PROBLEMS, Conflict)
    def partial_update(self, request: Request, code: str) -> Response:
        return self.update(request, code, partial=True)

    @docs.DESTROY
    @raises(*_CHANGE_PROBLEMS)
    def destroy(self, request: Request, code: str) -> Response:
        with transaction.atomic():
            instance = self._instance(code, lock=True)
            instance.delete()
            # An editor's decision: the dataset sync must not bring the code back.
            record_deletion(instance.code)
        return Response(status=http.HTTP_204_NO_CONTENT)

    def _instance(self, code: str, *, lock: bool = False) -> StatusCode:
        """The code to change, its permission and the request's preconditions checked."""
        codes = StatusCode.objects.select_for_update() if lock else StatusCode.objects.all()
        instance = codes.filter(code=reads.code_number(code)).first()
        if instance is None:
            raise NotFound()
        self.check_object_permissions(self.request, instance)
        self._check_preconditions(instance)
        return instance

    def _check_preconditions(self, instance: StatusCode) -> None:
        """RFC 9110 §13.2.2 against the tag a GET of the same URL would carry now."""
        request = self.request
        if app_settings.API_REQUIRE_IF_MATCH and "HTTP_IF_MATCH" not in request.META:
            raise PreconditionRequired(
                _("Send If-Match with the ETag of the status code you read: writes are checked.")
            )
        translations = list(instance.translations.all())
        tag = reads.detail_tag(
            request, instance.code, parse_language(request), fingerprint(instance, translations)
        )
        if evaluate(request, tag) != "proceed":
            raise PreconditionFailed(
                _("The status code has changed since it was read: read it again.")
            )

    def _written(self, request: Request, code: int, status: int) -> Response:
        language = parse_language(request)
        entry = get_catalog().get(code)
        assert entry is not None
        response = Response(reads.item_data(request, entry, language), status=status)
        # The body is the representation a GET of the same URL gives now (RFC 9110 §8.8.3).
        metadata = Metadata(
            etag=reads.detail_tag(request, code, language, entry.fingerprint),
            language=reads.content_language(language),
            vary=reads.VARY,
        )
        return metadata.apply(response)


class ProblemTypeViewSet(GenericViewSet[ProblemType]):
    """The host's problem types, read only: the entries their ``type`` URLs stand for."""

    queryset = ProblemType.objects.all()
    lookup_field = "slug"
    authentication_classes: list[Any] = []
    permission_classes: list[Any] = []
    renderer_classes = [JSONRenderer, BrowsableAPI]
    schema = docs.StatusCodeSchema()
    serializer_class = ProblemTypeSerializer  # type: ignore[assignment]  # reads items, not rows

    # Problem details in the served language, as for the codes.
    get_exception_handler = StatusCodeViewSet.get_exception_handler

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        return None  # read only: the browsable API offers no form

    @docs.PROBLEM_LIST
    @raises(BadRequest, ServiceUnavailable)
    def list(self, request: Request) -> HttpResponseBase:
        return _read(request, reads.problem_list_read(request))

    @docs.PROBLEM_RETRIEVE
    @raises(BadRequest, NotFound, PreconditionFailed, ServiceUnavailable)
    def retrieve(self, request: Request, slug: str) -> HttpResponseBase:
        return _read(request, reads.problem_detail_read(request, slug))


def _read(request: Request, read: reads.Read) -> HttpResponseBase:
    """JSON from the read's cached bytes; the browsable API's page is for one user, not shared."""
    if request.accepted_renderer.format == "json":
        return read.json_response()
    return read.metadata(shared=False).apply(Response(read.data()))


_list_view = StatusCodeViewSet.as_view({"get": "list", "post": "create"})
_detail_view = StatusCodeViewSet.as_view(
    {"get": "retrieve", "put": "update", "patch": "partial_update", "delete": "destroy"}
)


#: The methods each address supports, for the 405 of any other (RFC 9110 §15.5.6).
LIST_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
DETAIL_METHODS = ("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE")


def _plain_json_read(request: HttpRequest) -> bool:
    """A read that needs nothing of DRF: JSON to anyone, and no throttling to apply."""
    return (
        request.method in {"GET", "HEAD"}
        and request.META.get("HTTP_ACCEPT", "") in _PLAIN_JSON_ACCEPTS
        and api_settings.URL_FORMAT_OVERRIDE not in request.GET
        and not StatusCodeViewSet.throttle_classes
    )


def _dispatch(
    request: HttpRequest,
    methods: tuple[str, ...],
    read: Callable[[], reads.Read],
    drf_view: Callable[[], HttpResponseBase],
) -> HttpResponseBase:
    """Serve one request in the language it asked for: plain JSON reads directly, the rest by DRF.

    Every message, text and note of the response is in that language, whatever the cookie says.
    """
    with translation.override(served_language(request)):
        try:
            if request.method not in methods:
                # Before authentication: an unknown method is a 405 for everyone, not a 401.
                raise MethodNotAllowed(allow=methods)
            if not _plain_json_read(request):
                return drf_view()
            return read().json_response()
        except Exception as error:
            response = exception_handler(
                error, {"request": request}, language=translation.get_language()
            )
            if response is None:
                raise
            return response


def _drf_facade(drf_view: Any) -> Callable[[Callable[..., Any]], Any]:
    """Let schema generators and ``reverse`` tools see the DRF view behind a dispatcher."""

    def decorate(view: Callable[..., Any]) -> Any:
        for attribute in ("cls", "initkwargs", "actions"):
            setattr(view, attribute, getattr(drf_view, attribute))
        return csrf_exempt(view)

    return decorate


@_drf_facade(_list_view)
def list_view(request: HttpRequest) -> HttpResponseBase:
    """``status-codes/``: plain JSON reads served directly, everything else through DRF."""
    return _dispatch(
        request, LIST_METHODS, lambda: reads.list_read(request), lambda: _list_view(request)
    )


@_drf_facade(_detail_view)
def detail_view(request: HttpRequest, code: str) -> HttpResponseBase:
    """``status-codes/<code>/``: plain JSON reads served directly, everything else through DRF."""
    return _dispatch(
        request,
        DETAIL_METHODS,
        lambda: reads.detail_read(request, code),
        lambda: _detail_view(request, code=code),
    )


_problem_list_view = ProblemTypeViewSet.as_view({"get": "list"})
_problem_detail_view = ProblemTypeViewSet.as_view({"get": "retrieve"})
#: The methods of the problem types' addresses: they are read only.
READ_METHODS = ("GET", "HEAD", "OPTIONS")


@_drf_facade(_problem_list_view)
def problem_list_view(request: HttpRequest) -> HttpResponseBase:
    """``problem-types/``: the host's problem types."""
    return _dispatch(
        request,
        READ_METHODS,
        lambda: reads.problem_list_read(request),
        lambda: _problem_list_view(request),
    )


@_drf_facade(_problem_detail_view)
def problem_detail_view(request: HttpRequest, slug: str) -> HttpResponseBase:
    """``problem-types/<slug>/``: one problem type, the entry its ``type`` URL stands for."""
    return _dispatch(
        request,
        READ_METHODS,
        lambda: reads.problem_detail_read(request, slug),
        lambda: _problem_detail_view(request, slug=slug),
    )
