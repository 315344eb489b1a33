"""A small DRF API of the shop, declaring what it raises: the schema test's host API."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.authentication import BasicAuthentication
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from statuscodes.api import openapi
from statuscodes.exceptions import Gone, NotFound
from tests.shop.problems import OutOfStock, QuotaExceeded


class Line(serializers.Serializer[Any]):
    sku = serializers.CharField()
    quantity = serializers.IntegerField(min_value=1)


class PerMinute(SimpleRateThrottle):
    rate = "100/min"

    def get_cache_key(self, request: Request, view: Any) -> str:
        return "shop-search"


class CartView(APIView):
    """Adding to the cart: authenticated, with a body, may be out of stock."""

    authentication_classes = [BasicAuthentication]
    permission_classes = [IsAuthenticated]
    serializer_class = Line

    @openapi.raises(OutOfStock)
    def post(self, request: Request) -> Response:
        Line(data=request.data).is_valid(raise_exception=True)
        raise OutOfStock(extensions={"sku": request.data.get("sku", "")})


ORDER_ID = OpenApiParameter("id", int, OpenApiParameter.PATH)


class OrderViewSet(viewsets.GenericViewSet[Any]):
    """Orders: every action may find no order; the search is throttled."""

    serializer_class = Line
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    raises = [NotFound]

    @extend_schema(parameters=[ORDER_ID])
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        raise NotFound()

    @extend_schema(parameters=[ORDER_ID])
    @openapi.raises(Gone)
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        raise Gone()

    @action(detail=False, throttle_classes=[PerMinute])
    @openapi.raises(QuotaExceeded)
    def search(self, request: Request) -> Response:
        raise QuotaExceeded(retry_after=60)
