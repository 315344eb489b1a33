"""Views of the shop that raise its problem types, from plain Django and from DRF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from statuscodes.api.declarations import raises
from statuscodes.exceptions import NotFound
from tests.shop.problems import OutOfStock, QuotaExceeded


def buy(request: HttpRequest) -> HttpResponse:
    raise OutOfStock(extensions={"sku": "A-1", "available": 0})


def buy_explained(request: HttpRequest) -> HttpResponse:
    raise OutOfStock("Only 0 of A-1 left.")


class Search(APIView):
    @raises(NotFound)  # but not QuotaExceeded: a DEBUG warning says so
    def get(self, request: Request) -> Response:
        raise QuotaExceeded(retry_after=3600, extensions={"limit": 1000})
