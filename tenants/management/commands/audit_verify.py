from typing import Any

from django.core.management.base import BaseCommand, CommandError

from labourhub.audit.selectors import audit_chain_verify
from tenants.context import ministry_context, public_context
from tenants.models import Ministry


class Command(BaseCommand):
    help = "Verify the hash chain of the audit trail of every schema (or --schema NAME)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--schema", help="only this schema (ministry slug or 'public')")

    def handle(self, *args: Any, **opts: Any) -> None:
        targets = Ministry.objects.exclude(status=Ministry.Status.TEMPLATE).order_by("schema_name")
        if opts["schema"]:
            targets = targets.filter(schema_name=opts["schema"])
            if not targets.exists():
                raise CommandError(f"No schema named {opts['schema']!r}.")
        failures = []
        for ministry in targets:
            ctx = (
                public_context() if ministry.schema_name == "public" else ministry_context(ministry)
            )
            with ctx:
                report = audit_chain_verify()
            if report.ok:
                self.stdout.write(f"{ministry.schema_name}: OK ({report.checked} events)")
            else:
                failures.append(ministry.schema_name)
                self.stdout.write(
                    self.style.ERROR(
                        f"{ministry.schema_name}: BROKEN at audit event #{report.broken_id}: "
                        f"{report.reason} ({report.checked} events verified before it)"
                    )
                )
        if failures:
            raise CommandError(f"Audit chain broken in: {', '.join(failures)}")
