"""The host's problem types: found in code, stored with their texts, registered without clobbering.

A problem type is an ``HttpError`` subclass with a ``type_slug``. Each installed app's
``problems`` module is imported at start-up (like ``admin`` modules), so types declared there are
known; ``migrate`` and ``manage.py register_problem_types`` store them. A stored text that an
editor changed (``edited``) is never overwritten; the admin's restore action brings the declared
texts back on request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connections, router, transaction
from django.utils.module_loading import autodiscover_modules

from statuscodes.catalog import declared_text
from statuscodes.exceptions import HttpError, exception_path, problem_types
from statuscodes.languages import configured_languages
from statuscodes.models import ProblemType, ProblemTypeTranslation

__all__ = ["Registration", "discover", "register_after_migrate", "register_problem_types"]


@dataclass(frozen=True)
class Registration:
    """What a registration did: one line per type or text it added, updated or kept."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()


def discover() -> None:
    """Import every installed app's ``problems`` module, where problem types are declared."""
    autodiscover_modules("problems")


def _declared(cls: type[HttpError], language: str) -> dict[str, str]:
    text = declared_text(cls, language)
    return {"title": text.title or cls.__name__, "description": text.description}


def register_problem_types(
    *, slugs: Iterable[str] | None = None, restore: bool = False, using: str | None = None
) -> Registration:
    """Store the declared types and their texts in every configured language.

    Texts an editor changed are kept unless ``restore`` is given (the admin's restore action);
    ``slugs`` limits the work to those types.
    """
    using = using or router.db_for_write(ProblemType)
    wanted = None if slugs is None else set(slugs)
    added: list[str] = []
    updated: list[str] = []
    kept: list[str] = []
    with transaction.atomic(using=using):
        for slug, cls in problem_types().items():
            if wanted is not None and slug not in wanted:
                continue
            row = _register_row(slug, cls, using, added, updated)
            for language in configured_languages():
                outcome = _register_text(row, _declared(cls, language), language, restore, using)
                {"add": added, "update": updated, "keep": kept}.get(outcome, []).append(
                    f"{slug} [{language}]"
                )
    return Registration(tuple(added), tuple(updated), tuple(kept))


def _register_row(
    slug: str, cls: type[HttpError], using: str, added: list[str], updated: list[str]
) -> ProblemType:
    fields = {"status": cls.status_code, "exception": exception_path(cls)}
    row, created = ProblemType.objects.using(using).get_or_create(slug=slug, defaults=fields)
    if created:
        added.append(slug)
    elif any(getattr(row, name) != value for name, value in fields.items()):
        # Status and class come from the code, which is the truth for them.
        for name, value in fields.items():
            setattr(row, name, value)
        row.save(using=using, update_fields=[*fields, "updated"])
        updated.append(slug)
    return row


def _register_text(
    row: ProblemType, declared: dict[str, str], language: str, restore: bool, using: str
) -> str:
    text = row.translations.using(using).filter(language=language).first()
    if text is None:
        ProblemTypeTranslation.objects.using(using).create(
            problem_type=row, language=language, **declared
        )
        return "add"
    if text.edited and not restore:
        return "keep"
    if all(getattr(text, name) == value for name, value in declared.items()) and not text.edited:
        return "same"
    for name, value in declared.items():
        setattr(text, name, value)
    text.edited = False
    text.save(using=using)
    return "update"


def register_after_migrate(using: str = "default", **kwargs: Any) -> None:
    """Receiver of ``post_migrate``: store the declared types once their table exists."""
    if ProblemType._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated backwards, or only part of the way
    register_problem_types(using=using)
