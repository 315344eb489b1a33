"""Set up the demo database and an admin account, then run the development server."""

from __future__ import annotations

import os
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Migrate, make sure an 'admin' superuser exists, and run the development server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--new-password",
            action="store_true",
            help="Give the admin account a new random password.",
        )
        parser.add_argument(
            "--no-server", action="store_true", help="Set everything up, do not run the server."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if os.environ.get("RUN_MAIN") == "true":
            # runserver's autoreloader runs this command again in a child process: set-up done.
            call_command("runserver", options["addrport"])
            return
        call_command("migrate", interactive=False, verbosity=0)
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True}
        )
        if created or options["new_password"]:
            # A fresh random password for every demo database: never a well-known default.
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            self.stdout.write(self.style.SUCCESS(f"Admin login: admin / {password}"))
        else:
            self.stdout.write(
                "Admin login: admin, with the password printed when the account was made "
                "(run `manage.py demo --new-password` for a new one)."
            )
        if not options["no_server"]:
            call_command("runserver", options["addrport"])
