"""The shop's problem types: found by the app at start-up, as a host's would be."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from statuscodes.exceptions import Conflict, TooManyRequests


class OutOfStock(Conflict):
    type_slug = "out-of-stock"
    default_title = _("Out of stock")
    default_detail = _("This item is out of stock.")


class QuotaExceeded(TooManyRequests):
    type_slug = "quota-exceeded"
    default_title = _("Quota exceeded")
    default_detail = _("You have used up this month's requests.")
