from types import SimpleNamespace

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from tests import views
from tests.shop import views as shop_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("raise/405/", views.method_not_allowed),
    path("raise/<int:code>/", views.raise_status),
    path("detail/", views.with_detail),
    path("crash/", views.crash),
    path("not-found/", views.not_found),
    path("denied/", views.denied),
    path("suspicious/", views.suspicious),
    path("no-content/", views.no_content),
    path("reset-content/", views.reset_content),
    path("not-modified/", views.not_modified),
    path("streaming-no-content/", views.streaming_no_content),
    path("hand-made-405/", views.hand_made_405),
    path("hand-made-401/", views.hand_made_401),
    path("ok/", views.ok),
    path("hand-made-422/", views.hand_made_422),
    path("custom-phrase/", views.custom_phrase),
    path("informational/", views.informational),
    path("read-body/", views.read_body),
    path("class-based/", views.ClassBased.as_view()),
    path("async/", views.async_view),
    path("async-ok/", views.async_ok),
    path("drf/", views.DrfView.as_view()),
    path("drf/default-handler/", views.DrfDefaultHandlerView.as_view()),
    path("drf/validate/", views.ValidatingView.as_view()),
    path("drf/session-then-basic/", views.SessionThenBasicView.as_view()),
    path("drf/session-only/", views.SessionOnlyView.as_view()),
    path("drf/throttled/", views.ThrottledView.as_view()),
    path("drf/errors/<str:kind>/", views.DrfErrorsView.as_view()),
    path("", include("tests.views_mapping")),
    path("status-codes/", include("statuscodes.urls")),
    path("shop/buy/", shop_views.buy),
    path("shop/buy-explained/", shop_views.buy_explained),
    path("shop/search/", shop_views.Search.as_view()),
]

handler400 = "statuscodes.views.bad_request"
handler403 = "statuscodes.views.permission_denied"
handler404 = "statuscodes.views.page_not_found"
handler500 = "statuscodes.views.server_error"

# The schema documents the app's API only, not the test views above.
api = SimpleNamespace(urlpatterns=[path("api/", include("statuscodes.api.urls"))])
urlpatterns += [
    *api.urlpatterns,
    path("api/schema/", SpectacularAPIView.as_view(urlconf=api), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
]
