from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.test import Client
from django.urls import include, path

from bench.naive import StatusCodeViewSet
from statuscodes.exceptions import MethodNotAllowed


def raise_405(request: HttpRequest) -> HttpResponse:
    raise MethodNotAllowed(allow=["GET", "HEAD"])


def plain_405(request: HttpRequest) -> HttpResponse:
    return HttpResponseNotAllowed(["GET", "HEAD"])


def ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok")


_memory: dict[str, bytes] = {}


def memory(request: HttpRequest, path: str) -> HttpResponse:
    """The body the API gives for ``/api/<path>``, fetched once and then served from memory."""
    target = f"/api/{path}?{request.META.get('QUERY_STRING', '')}"
    if target not in _memory:
        _memory[target] = Client(HTTP_HOST=request.get_host()).get(target).content
    return HttpResponse(_memory[target], content_type="application/json")


naive_list = StatusCodeViewSet.as_view({"get": "list"})
naive_detail = StatusCodeViewSet.as_view({"get": "retrieve"})

urlpatterns = [
    path("raise-405/", raise_405),
    path("plain-405/", plain_405),
    path("ok/", ok),
    path("api/", include("statuscodes.api.urls")),
    path("memory/<path:path>", memory),
    path("naive/status-codes/", naive_list),
    path("naive/status-codes/<int:code>/", naive_detail),
]
