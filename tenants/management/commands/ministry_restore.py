from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from labourhub.common.exceptions import ApplicationError
from tenants.backup_services import ministry_restore


class Command(BaseCommand):
    help = (
        "Restore a .lhbak backup: into the ministry it came from (replacing its data), or with "
        "--slug into a new ministry (a fresh platform, or a copy beside the original)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", help="the .lhbak file")
        parser.add_argument("--slug", default="", help="restore as this ministry slug")

    def handle(self, *args: Any, **opts: Any) -> None:
        archive = Path(opts["archive"])
        if not archive.is_file():
            raise CommandError(f"No such file: {archive}")
        try:
            result = ministry_restore(archive=archive, slug=opts["slug"], actor=None)
        except ApplicationError as exc:
            raise CommandError(str(exc)) from exc
        where = "in place" if result.in_place else "as a new ministry"
        self.stdout.write(
            f"{result.ministry.slug}: restored {where} ({result.rows} rows, {result.files} files)"
        )
