"""The dataset shipped in ``statuscodes/data`` and the one loader that brings a database up to it.

The initial data migration and the ``sync_statuscodes`` command both call :func:`sync`, with the
historical models and the current ones respectively, so they cannot drift apart.
"""

from __future__ import annotations

import functools
import json
import operator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from statuscodes import caches
from statuscodes.languages import accepted_languages, normalize_language

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import Model

__all__ = [
    "METADATA_FIELDS",
    "TEXT_FIELDS",
    "Action",
    "Change",
    "SyncReport",
    "restore",
    "shipped_codes",
    "shipped_languages",
    "shipped_texts",
    "sync",
]

#: Fields of a status code that the dataset owns.
METADATA_FIELDS = (
    "phrase",
    "status",
    "origin",
    "reference_document",
    "reference_section",
    "reference_url",
    "former_phrases",
)
#: Fields of a translation that the dataset owns.
TEXT_FIELDS = ("title", "description")


def _data_dir() -> Any:
    return resources.files("statuscodes").joinpath("data")


@cache
def shipped_codes() -> dict[int, dict[str, Any]]:
    """Metadata of every shipped code, keyed by code, with the fields of :data:`METADATA_FIELDS`."""
    rows = json.loads(_data_dir().joinpath("codes.json").read_text(encoding="utf-8"))
    codes: dict[int, dict[str, Any]] = {}
    for row in rows:
        reference = row["reference"]
        codes[int(row["code"])] = {
            "phrase": row["phrase"],
            "status": row["status"],
            "origin": row["origin"],
            "reference_document": reference["document"],
            "reference_section": reference["section"],
            "reference_url": reference["url"],
            "former_phrases": list(row["former_phrases"]),
        }
    return codes


@cache
def shipped_languages() -> tuple[str, ...]:
    """The languages the package ships texts in: one file each in ``data/texts``."""
    files = _data_dir().joinpath("texts").iterdir()
    return tuple(sorted(f.name.removesuffix(".json") for f in files if f.name.endswith(".json")))


def shipped_texts(language: str) -> dict[int, dict[str, str]]:
    """The shipped title and description of every code in ``language`` (empty if none shipped)."""
    language = normalize_language(language)
    if language not in shipped_languages():
        return {}  # not cached: only shipped languages are keys, so the cache stays bounded
    return _shipped_texts(language)


@cache
def _shipped_texts(language: str) -> dict[int, dict[str, str]]:
    path = _data_dir().joinpath("texts", f"{language}.json")
    texts = json.loads(path.read_text(encoding="utf-8"))
    return {int(code): {f: text[f] for f in TEXT_FIELDS} for code, text in texts.items()}


#: ``keep-deletion``: a code or text that an editor deleted stays deleted.
Action = Literal["add", "update", "keep", "keep-deletion"]


@dataclass(frozen=True)
class Change:
    """One thing :func:`sync` did, or would do, to the database."""

    action: Action
    code: int
    language: str | None = None
    fields: tuple[str, ...] = ()

    def __str__(self) -> str:
        target = f"{self.code}" if self.language is None else f"{self.code} [{self.language}]"
        names = ", ".join(self.fields)
        if self.action == "add":
            return _("added %(target)s") % {"target": target}
        if self.action == "update":
            return _("updated %(target)s: %(fields)s") % {"target": target, "fields": names}
        if self.action == "keep-deletion":
            return _("kept the deletion of %(target)s") % {"target": target}
        return _("kept the edited %(target)s: %(fields)s differ from the dataset") % {
            "target": target,
            "fields": names,
        }


@dataclass
class SyncReport:
    changes: list[Change] = field(default_factory=list)

    def count(self, action: Action) -> int:
        return sum(1 for change in self.changes if change.action == action)


def _model_fields(model: type[Model], wanted: tuple[str, ...]) -> tuple[str, ...]:
    # Historical models in older migrations may lack fields added since: write only what exists.
    present = {f.name for f in model._meta.get_fields()}
    return tuple(name for name in wanted if name in present)


def sync(
    code_model: type[Model],
    translation_model: type[Model],
    *,
    languages: list[str] | None = None,
    force: bool = False,
    texts_only: bool = False,
) -> SyncReport:
    """Bring the database up to the shipped dataset and report every change.

    Adds missing codes and texts, updates metadata and texts nobody edited, and keeps edited ones
    and deleted ones (see :func:`statuscodes.models.record_deletion`) unless ``force`` is true,
    which also forgets those deletions. Codes and languages that the dataset does not ship are
    never touched. ``languages`` defaults to the shipped languages that ``settings.LANGUAGES``
    accepts. ``texts_only`` leaves the codes alone: no metadata update, no code added, only the
    texts of the codes the database has.
    """
    languages = _languages(languages)
    report = SyncReport()
    deletions = _Deletions(code_model)
    manager: Any = code_model._default_manager
    if texts_only:
        existing = {obj.code: obj for obj in manager.all()}
    else:
        existing = _sync_codes(code_model, force, report, deletions)
    _sync_texts(translation_model, existing, languages, force, report, deletions)
    deletions.forget_added(report)
    if report.count("add") or report.count("update"):
        _bump_version(code_model)  # bulk writes send no signals
    return report


def _sync_codes(
    code_model: type[Model], force: bool, report: SyncReport, deletions: _Deletions
) -> dict[int, Any]:
    """Add and update the codes' metadata; return every code of the database by number."""
    meta_fields = _model_fields(code_model, METADATA_FIELDS)
    can_track_edits = "edited" in {f.name for f in code_model._meta.get_fields()}
    codes_manager: Any = code_model._default_manager
    existing: dict[int, Any] = {obj.code: obj for obj in codes_manager.all()}
    new_codes = []
    changed_codes = []
    for code, meta in shipped_codes().items():
        obj = existing.get(code)
        if obj is None and deletions.keeps(code, None, force, report):
            continue
        if obj is None:
            new_codes.append(code_model(code=code, **{f: meta[f] for f in meta_fields}))
            report.changes.append(Change("add", code))
            continue
        differing = tuple(f for f in meta_fields if getattr(obj, f) != meta[f])
        if not differing:
            continue
        if can_track_edits and obj.edited and not force:
            report.changes.append(Change("keep", code, None, differing))
            continue
        for f in differing:
            setattr(obj, f, meta[f])
        obj.updated = timezone.now()  # bulk_update() skips auto_now
        if can_track_edits:
            obj.edited = False
        changed_codes.append(obj)
        report.changes.append(Change("update", code, None, differing))
    if new_codes:
        codes_manager.bulk_create(new_codes)
        existing = {obj.code: obj for obj in codes_manager.all()}
    if changed_codes:
        fields = [*meta_fields, "updated"] + (["edited"] if can_track_edits else [])
        codes_manager.bulk_update(changed_codes, fields)
    return existing


def restore(
    code_model: type[Model],
    translation_model: type[Model],
    *,
    codes: Iterable[int],
    languages: list[str] | None = None,
) -> SyncReport:
    """Put the shipped texts of ``codes`` back, edited or not, and clear their edited mark.

    The text half of ``sync(force=True)``, limited to ``codes``: deleted texts come back too and
    their deletions are forgotten; metadata is left alone.
    """
    languages = _languages(languages)
    report = SyncReport()
    manager: Any = code_model._default_manager
    owners = {obj.code: obj for obj in manager.filter(code__in=list(codes))}
    deletions = _Deletions(code_model)
    _sync_texts(translation_model, owners, languages, True, report, deletions)
    deletions.forget_added(report)
    if report.count("add") or report.count("update"):
        _bump_version(code_model)
    return report


def _languages(languages: Iterable[str] | None) -> list[str]:
    if languages is None:
        accepted = set(accepted_languages())
        return [tag for tag in shipped_languages() if tag in accepted]
    # Each once: a language given twice would have its missing texts created twice.
    return list(dict.fromkeys(normalize_language(tag) for tag in languages))


def _bump_version(code_model: type[Model]) -> None:
    from statuscodes.models import bump_version

    try:
        version_model = code_model._meta.apps.get_model("statuscodes", "DataVersion")
    except LookupError:  # an early migration's state: no version yet
        return
    bump_version(version_model)


class _Deletions:
    """The deletions recorded by editors, read when something is missing; none where the state
    of the models has no such model (the data migration runs with early historical models).
    """

    def __init__(self, code_model: type[Model]) -> None:
        try:
            model = code_model._meta.apps.get_model("statuscodes", "Deletion")
        except LookupError:
            self.manager: Any = None
        else:
            self.manager = model._default_manager

    @functools.cached_property
    def recorded(self) -> set[tuple[int, str | None]]:
        # Read lazily: an up-to-date database costs no query for it.
        if self.manager is None:
            return set()
        return set(self.manager.values_list("code", "language"))

    def keeps(self, code: int, language: str | None, force: bool, report: SyncReport) -> bool:
        """True, and reported, where a missing code or text stays deleted."""
        if force or (code, language) not in self.recorded:
            return False
        report.changes.append(Change("keep-deletion", code, language))
        return True

    def forget_added(self, report: SyncReport) -> None:
        """What the sync added exists again: its deletions, if any, are no longer recorded."""
        added = {(c.code, c.language) for c in report.changes if c.action == "add"}
        forgotten = added & self.recorded if added else set()
        if not forgotten:
            return
        matches = [Q(code=code, language=language) for code, language in forgotten]
        self.manager.filter(functools.reduce(operator.or_, matches)).delete()


def _sync_texts(
    translation_model: type[Model],
    code_objects: dict[int, Any],
    languages: list[str],
    force: bool,
    report: SyncReport,
    deletions: _Deletions,
) -> None:
    manager: Any = translation_model._default_manager
    current: dict[tuple[int, str], Any] = {
        (t.status_code_id, t.language): t for t in manager.filter(language__in=languages)
    }
    new_texts = []
    changed_texts = []
    for language in languages:
        for code, text in shipped_texts(language).items():
            owner = code_objects.get(code)
            if owner is None:
                continue
            obj = current.get((owner.pk, language))
            if obj is None and deletions.keeps(code, language, force, report):
                continue
            if obj is None:
                new_texts.append(translation_model(status_code=owner, language=language, **text))
                report.changes.append(Change("add", code, language))
                continue
            differing = tuple(f for f in TEXT_FIELDS if getattr(obj, f) != text[f])
            if not differing and force and obj.edited:
                # A person typed the shipped text back: forced, it is the dataset's again.
                differing = ("edited",)
            if not differing:
                continue
            if obj.edited and not force:
                report.changes.append(Change("keep", code, language, differing))
                continue
            for f in TEXT_FIELDS:
                setattr(obj, f, text[f])
            obj.edited = False
            obj.updated = timezone.now()
            changed_texts.append(obj)
            report.changes.append(Change("update", code, language, differing))
    if new_texts:
        manager.bulk_create(new_texts)
    if changed_texts:
        manager.bulk_update(changed_texts, [*TEXT_FIELDS, "edited", "updated"])


for _name, _function in [
    ("codes", shipped_codes),
    ("languages", shipped_languages),
    ("texts", _shipped_texts),
]:
    caches.register(f"dataset.shipped_{_name}", _function.cache_clear)
