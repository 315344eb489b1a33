"""The reference pages: ``path("status-codes/", include("statuscodes.urls"))``."""

from __future__ import annotations

from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from statuscodes import pages

app_name = "statuscodes"

urlpatterns = [
    path("", pages.code_list, name="code-list"),
    path("<int:code>/", pages.code_detail, name="code-detail"),
    path("problems/", pages.problem_list, name="problem-list"),
    path("problems/<slug:slug>/", pages.problem_detail, name="problem-detail"),
    # Django's own view, without a CSRF token: a token would make every rendering of a page
    # different, which strong ETags forbid, and a forged request can only switch the language.
    path("language/", csrf_exempt(set_language), name="set-language"),
]
