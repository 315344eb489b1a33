from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatusCodesConfig(AppConfig):
    name = "statuscodes"
    verbose_name = _("HTTP status codes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import setting_changed
        from django.db.models.signals import post_migrate

        from statuscodes import checks, pages, problem_types, signals  # noqa: F401  (checks)

        signals.connect()
        problem_types.discover()
        post_migrate.connect(
            problem_types.register_after_migrate, sender=self, dispatch_uid="statuscodes-types"
        )
        setting_changed.connect(pages.forget_representations, dispatch_uid="statuscodes-pages")
