"""``manage.py register_problem_types``: store the problem types declared in code."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _

from statuscodes.problem_types import register_problem_types


class Command(BaseCommand):
    help = _(
        "Store the problem types declared in code (type_slug) with their texts in every "
        "configured language. Texts edited in the admin are kept. migrate does this too."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Show what would change; save nothing.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            report = register_problem_types()
            if options["dry_run"]:
                transaction.set_rollback(True)
        for line in report.added:
            self.stdout.write(self.style.SUCCESS(_("Added %(item)s") % {"item": line}))
        for line in report.updated:
            self.stdout.write(self.style.SUCCESS(_("Updated %(item)s") % {"item": line}))
        for line in report.kept:
            self.stdout.write(self.style.WARNING(_("Kept the edited %(item)s") % {"item": line}))
        summary = _("%(added)d added, %(updated)d updated, %(kept)d edited kept.") % {
            "added": len(report.added),
            "updated": len(report.updated),
            "kept": len(report.kept),
        }
        if options["dry_run"]:
            summary = _("Dry run, nothing was saved: %(summary)s") % {"summary": summary}
        self.stdout.write(summary)
