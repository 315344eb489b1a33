"""``include("statuscodes.api.urls")``: ``status-codes/``, ``problem-types/`` and their items."""

from __future__ import annotations

from django.urls import path

from statuscodes.api.views import detail_view, list_view, problem_detail_view, problem_list_view

app_name = "statuscodes-api"

urlpatterns = [
    path("status-codes/", list_view, name="code-list"),
    path("status-codes/<str:code>/", detail_view, name="code-detail"),
    path("problem-types/", problem_list_view, name="problem-type-list"),
    path("problem-types/<str:slug>/", problem_detail_view, name="problem-type-detail"),
]
