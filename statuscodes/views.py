"""Error views for a root URLconf's ``handler400``, ``handler403``, ``handler404``, ``handler500``,
and for ``CSRF_FAILURE_VIEW``.

They render Django's own errors the way ``StatusCodeMiddleware`` renders ``HttpError``: in the
negotiated format and the request's language. The exception's text is never shown: it may hold
internals, and the stored description says what the client needs.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from statuscodes.rendering import render_status

__all__ = ["bad_request", "csrf_failure", "page_not_found", "permission_denied", "server_error"]


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig):
        # Django counts it as a suspicious 400; RFC 9110 §15.5.14 names the status for it.
        return render_status(request, 413)
    return render_status(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_status(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_status(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render_status(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """``CSRF_FAILURE_VIEW``: a 403 problem; Django's reason is shown only with ``DEBUG`` on."""
    if settings.DEBUG and reason:
        detail = _("The request was refused: its CSRF check failed (%(reason)s)") % {
            "reason": reason
        }
    else:
        detail = _("The request was refused: its CSRF check failed.")
    return render_status(request, 403, detail=detail)
