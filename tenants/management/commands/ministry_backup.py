from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tenants.backup_services import ministry_backup
from tenants.models import Ministry


class Command(BaseCommand):
    help = (
        "Back up ministries (schema rows and stored files, encrypted with the platform's backup "
        "key) into --out. Name one ministry by its slug, or --all for the whole platform."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("slug", nargs="?", help="the ministry's slug (its subdomain)")
        parser.add_argument("--all", action="store_true", help="every active ministry")
        parser.add_argument("--out", default="backups", help="folder for the .lhbak files")

    def handle(self, *args: Any, **opts: Any) -> None:
        ministries = Ministry.objects.filter(status=Ministry.Status.ACTIVE).order_by("schema_name")
        if opts["slug"]:
            ministries = ministries.filter(schema_name=opts["slug"])
        elif not opts["all"]:
            raise CommandError("Name a ministry slug, or pass --all.")
        if not ministries.exists():
            raise CommandError(f"No active ministry named {opts['slug']!r}.")
        for ministry in ministries:
            result = ministry_backup(ministry=ministry, out_dir=Path(opts["out"]), actor=None)
            self.stdout.write(
                f"{ministry.slug}: {result.path} ({result.tables} tables, {result.rows} rows, "
                f"{result.files} files)"
            )
