from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatusCodesConfig(AppConfig):
    name = "statuscodes"
    verbose_name = _("HTTP status codes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import setting_changed

        from statuscodes import checks, pages, signals  # noqa: F401  (checks register on import)

        signals.connect()
        setting_changed.connect(pages.forget_representations, dispatch_uid="statuscodes-pages")
