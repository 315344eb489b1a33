from django.urls import path
from rest_framework.routers import SimpleRouter

from tests.shop.api import CartView, OrderViewSet

router = SimpleRouter()
router.register("orders", OrderViewSet, basename="order")

urlpatterns = [path("cart/", CartView.as_view()), *router.urls]
