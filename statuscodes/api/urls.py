"""``include("statuscodes.api.urls")``: ``status-codes/`` and ``status-codes/<code>/``."""

from __future__ import annotations

from django.urls import path

from statuscodes.api.views import StatusCodeViewSet

app_name = "statuscodes-api"

urlpatterns = [
    path(
        "status-codes/",
        StatusCodeViewSet.as_view({"get": "list", "post": "create"}),
        name="code-list",
    ),
    path(
        "status-codes/<str:code>/",
        StatusCodeViewSet.as_view(
            {"get": "retrieve", "put": "update", "patch": "partial_update", "delete": "destroy"}
        ),
        name="code-detail",
    ),
]
