from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import path

from statuscodes.exceptions import MethodNotAllowed


def raise_405(request: HttpRequest) -> HttpResponse:
    raise MethodNotAllowed(allow=["GET", "HEAD"])


def plain_405(request: HttpRequest) -> HttpResponse:
    return HttpResponseNotAllowed(["GET", "HEAD"])


def ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok")


urlpatterns = [
    path("raise-405/", raise_405),
    path("plain-405/", plain_405),
    path("ok/", ok),
]
