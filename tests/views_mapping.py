"""Views of the test host that raise Django's own exceptions, the host's, and rate limits."""

from __future__ import annotations

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.db import transaction
from django.http import HttpResponse
from django.urls import path
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited
from rest_framework.views import APIView

from statuscodes import exceptions as exc
from statuscodes.models import StatusCode


class OutOfStockError(Exception):
    """A host's own exception, mapped by STATUSCODES_EXCEPTION_MAP in the tests."""


class BackorderError(OutOfStockError):
    """A subclass: the most specific mapping wins."""


def _raise(error):
    raise error


def _duplicate_code():
    StatusCode.objects.get_or_create(code=599, defaults={"phrase": "Custom"})
    # In a savepoint: on PostgreSQL a failed statement would abort the test's transaction.
    with transaction.atomic():
        StatusCode.objects.create(code=599, phrase="Again")


def _code_out_of_range():
    with transaction.atomic():
        StatusCode.objects.create(code=50, phrase="Below the range")


def _model_validation():
    StatusCode(code=50, phrase="").full_clean(validate_unique=False)


RAISERS = {
    "model": _model_validation,
    "list": lambda: _raise(
        ValidationError(
            ["First.", ValidationError("Second %(n)s.", code="second", params={"n": 2})]
        )
    ),
    "message": lambda: _raise(ValidationError("Just one.")),
    "non-field": lambda: _raise(
        ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError("Dates overlap.", code="overlap"),
                "a/b": ["Bad field."],
            }
        )
    ),
    "unique": _duplicate_code,
    "integrity": _code_out_of_range,
    "does-not-exist": lambda: StatusCode.objects.get(code=998),
    "object-does-not-exist": lambda: _raise(ObjectDoesNotExist("row 42 secret")),
    "denied": lambda: _raise(PermissionDenied("secret reason")),
    "suspicious": lambda: _raise(SuspiciousOperation("secret attack")),
    "too-big": lambda: _raise(RequestDataTooBig("secret size")),
    "ratelimited": lambda: _raise(Ratelimited()),
    "out-of-stock": lambda: _raise(OutOfStockError("secret stock")),
    "backorder": lambda: _raise(BackorderError("secret order")),
    "server-error": lambda: exc.abort(500, "Broken on purpose."),
    "unavailable": lambda: exc.abort(503, retry_after=5),
    "not-found": lambda: exc.abort(404),
}


def plain(request, kind):
    RAISERS[kind]()
    return HttpResponse("not raised")


async def async_server_error(request):
    raise exc.InternalServerError("Broken on purpose.")


class DrfRaising(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request, kind):
        RAISERS[kind]()
        return HttpResponse("not raised")


@ratelimit(key="ip", rate="1/m", block=True)
def limited(request):
    return HttpResponse("within the limit")


def csrf_protected(request):
    return HttpResponse("accepted")


urlpatterns = [
    path("django/<str:kind>/", plain),
    path("django-async/server-error/", async_server_error),
    path("drf-django/<str:kind>/", DrfRaising.as_view()),
    path("limited/", limited),
    path("csrf-protected/", csrf_protected),
]
