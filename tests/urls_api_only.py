"""A host that mounts only the API and keeps Django's own error handlers."""

from django.urls import include, path

urlpatterns = [path("api/", include("statuscodes.api.urls"))]
