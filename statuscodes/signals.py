"""Every save or delete of a code, a problem type or a text moves the data version, in the same
transaction."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from statuscodes.models import (
    DataVersion,
    ProblemType,
    ProblemTypeTranslation,
    StatusCode,
    StatusCodeTranslation,
    bump_version,
)


def bump_data_version(sender: type, using: str, **kwargs: Any) -> None:
    bump_version(DataVersion, using)


def restored_version(sender: type, using: str, raw: bool = False, **kwargs: Any) -> None:
    # A version row loaded from a fixture must not stand for data some process has cached.
    if raw:
        bump_version(DataVersion, using)


def connect() -> None:
    post_save.connect(restored_version, sender=DataVersion, dispatch_uid="statuscodes-version-load")
    for model in (StatusCode, StatusCodeTranslation, ProblemType, ProblemTypeTranslation):
        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            uid = f"statuscodes-version-{model.__name__}-{name}"
            signal.connect(bump_data_version, sender=model, dispatch_uid=uid)
