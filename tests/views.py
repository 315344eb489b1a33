"""Views of the test host that raise statuses in every way a project would."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, StreamingHttpResponse
from django.views import View
from rest_framework import exceptions as drf
from rest_framework import serializers
from rest_framework.authentication import BasicAuthentication, SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from statuscodes import exceptions as exc


def method_not_allowed(request):
    raise exc.MethodNotAllowed(allow=["GET", "HEAD"])


def raise_status(request, code):
    kwargs = {}
    for key, value in request.GET.items():
        kwargs[key] = int(value) if value.isdigit() else value
    detail = kwargs.pop("detail", None)
    exc.abort(code, detail, **kwargs)


def with_detail(request):
    raise exc.Conflict("<script>alert('x')</script> «конфликт» & co")


def crash(request):
    raise RuntimeError("secret internals: password=hunter2")


def not_found(request):
    raise Http404("No secret row 42 in table users")


def denied(request):
    raise PermissionDenied("internal reason")


def suspicious(request):
    raise SuspiciousOperation("attack detail")


def no_content(request):
    return HttpResponse("should not be sent", status=204)


def reset_content(request):
    return HttpResponse("should not be sent", status=205)


def not_modified(request):
    return HttpResponse("should not be sent", status=304)


def streaming_no_content(request):
    return StreamingHttpResponse(iter([b"a", b"b"]), status=204)


def hand_made_405(request):
    response = HttpResponseNotAllowed(["GET"])
    del response["Allow"]
    return response


def hand_made_401(request):
    return HttpResponse(status=401)


def hand_made_422(request):
    return HttpResponse(status=422)


def custom_phrase(request):
    return HttpResponse(status=422, reason="Custom Words")


def informational(request):
    return HttpResponse(status=103)


def read_body(request):
    return HttpResponse(f"{len(request.body)} {len(request.POST)}")


def ok(request):
    return HttpResponse("hello")


class ClassBased(View):
    def get(self, request):
        raise exc.Gone()


async def async_view(request):
    raise exc.TooManyRequests(retry_after=30)


async def async_ok(request):
    return HttpResponse("async hello")


class DrfView(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request):
        raise exc.MethodNotAllowed(allow=["POST"])

    def post(self, request):
        return Response({"ok": True})


class DrfDefaultHandlerView(DrfView):
    """The same view with DRF's own exception handler: HttpError reaches the middleware."""

    def get_exception_handler(self):
        return exception_handler


class ItemSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=5)
    tags = serializers.ListField(child=serializers.IntegerField(), required=False)
    meta = serializers.DictField(child=serializers.CharField(), required=False)

    def validate(self, attrs):
        if attrs.get("name") == "bad":
            raise serializers.ValidationError("This combination is not allowed.")
        return attrs


class ValidatingView(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def post(self, request):
        serializer = ItemSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.validated_data, status=201)


class SessionThenBasicView(APIView):
    """DRF asks only the first authenticator for a challenge and would answer 403."""

    authentication_classes = [SessionAuthentication, BasicAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"user": request.user.username})


class SessionOnlyView(SessionThenBasicView):
    authentication_classes = [SessionAuthentication]


class ThrottledView(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request):
        raise drf.Throttled(wait=12.2)


class DrfErrorsView(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request, kind):
        if kind == "not-found":
            raise drf.NotFound()
        if kind == "django-404":
            raise Http404("secret")
        if kind == "denied":
            raise PermissionDenied("secret")
        if kind == "parse":
            raise drf.ParseError("Malformed JSON.")
        if kind == "crash":
            raise RuntimeError("secret internals")
        raise drf.APIException({"a": ["one"], "b": ["two"]})
