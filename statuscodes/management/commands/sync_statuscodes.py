"""Bring the database up to the dataset shipped with the installed version of the app."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from statuscodes import dataset
from statuscodes.languages import accepted_languages, normalize_language
from statuscodes.models import StatusCode, StatusCodeTranslation


class Command(BaseCommand):
    help = (
        "Add the status codes and languages of the shipped dataset that the database lacks and "
        "update the texts nobody edited. Edited texts, and codes and texts an editor deleted, are "
        "kept unless --force is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would change and change nothing.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also overwrite metadata and texts that a person edited, and bring back what an "
            "editor deleted.",
        )
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            metavar="LANG",
            help="Only the texts in this shipped language (may be repeated), of the codes the "
            "database has: metadata is left alone and no code is added. Default: every shipped "
            "language that settings.LANGUAGES accepts, and the metadata.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        languages = options["languages"]
        if languages is not None:
            languages = _check_languages(languages)
        with transaction.atomic():
            report = dataset.sync(
                StatusCode,
                StatusCodeTranslation,
                languages=languages,
                force=options["force"],
                # A language asked for is a request for its texts, not for the codes' metadata.
                texts_only=languages is not None,
            )
            if options["dry_run"]:
                transaction.set_rollback(True)

        for change in report.changes:
            kept = change.action in {"keep", "keep-deletion"}
            style = self.style.WARNING if kept else self.style.SUCCESS
            self.stdout.write(style(str(change)))
        summary = _("%(added)d added, %(updated)d updated, %(kept)d edited kept.") % {
            "added": report.count("add"),
            "updated": report.count("update"),
            "kept": report.count("keep"),
        }
        deleted = report.count("keep-deletion")
        if deleted:
            # A sentence of its own, only when there is one: the summary above stays as it was.
            kept_deleted = ngettext(
                "%(count)d deletion kept.", "%(count)d deletions kept.", deleted
            ) % {"count": deleted}
            summary = f"{summary} {kept_deleted}"
        if options["dry_run"]:
            summary = _("Dry run, nothing was saved: %(summary)s") % {"summary": summary}
        self.stdout.write(summary)


def _check_languages(tags: list[str]) -> list[str]:
    """The languages asked for, normalised; one that cannot be synced is a CommandError."""
    languages = [normalize_language(tag) for tag in tags]
    unknown = sorted(set(languages) - set(dataset.shipped_languages()))
    if unknown:
        raise CommandError(
            _("No shipped texts for %(unknown)s; shipped languages: %(shipped)s.")
            % {
                "unknown": ", ".join(unknown),
                "shipped": ", ".join(dataset.shipped_languages()),
            }
        )
    # Texts in such a language would fail the model's own validation.
    refused = sorted(set(languages) - set(accepted_languages()))
    if refused:
        raise CommandError(
            _("Not in settings.LANGUAGES: %(refused)s; configured: %(accepted)s.")
            % {"refused": ", ".join(refused), "accepted": ", ".join(accepted_languages())}
        )
    return languages
