from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from project import views

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("examples/<int:code>/", views.raise_status),
    path("examples/no-content/", views.no_content),
    path("examples/conditional/", views.conditional),
]

handler400 = "statuscodes.views.bad_request"
handler403 = "statuscodes.views.permission_denied"
handler404 = "statuscodes.views.page_not_found"
handler500 = "statuscodes.views.server_error"

urlpatterns += [
    path("status-codes/", include("statuscodes.urls")),
    path("api/", include("statuscodes.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
]
