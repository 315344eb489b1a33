"""``include("statuscodes.api.urls")``: ``status-codes/`` and ``status-codes/<code>/``."""

from __future__ import annotations

from django.urls import path

from statuscodes.api.views import detail_view, list_view

app_name = "statuscodes-api"

urlpatterns = [
    path("status-codes/", list_view, name="code-list"),
    path("status-codes/<str:code>/", detail_view, name="code-detail"),
]
