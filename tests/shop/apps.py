from django.apps import AppConfig


class ShopConfig(AppConfig):
    """A host app of the test suite that declares problem types of its own."""

    name = "tests.shop"
    label = "shop"
