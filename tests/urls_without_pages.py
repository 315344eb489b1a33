"""The test host without the reference pages: problem ``type`` falls back to about:blank."""

from tests.urls import handler400, handler403, handler404, handler500
from tests.urls import urlpatterns as _all

urlpatterns = [pattern for pattern in _all if str(pattern.pattern) != "status-codes/"]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
