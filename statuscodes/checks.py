"""System checks for a host project's configuration."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Tags, Warning, register
from django.utils.translation import gettext as _

from statuscodes.dataset import shipped_languages
from statuscodes.languages import accepted_languages


@register(Tags.translation)
def check_languages(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W001: no shipped language is among ``settings.LANGUAGES``, so no text would be loaded."""
    shipped = shipped_languages()
    if set(shipped) & set(accepted_languages()):
        return []
    return [
        Warning(
            _("settings.LANGUAGES contains none of the languages the dataset ships texts in."),
            hint=_("Add at least one of %(languages)s to settings.LANGUAGES.")
            % {"languages": ", ".join(shipped)},
            id="statuscodes.W001",
        )
    ]
