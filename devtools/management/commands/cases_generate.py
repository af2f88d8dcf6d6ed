from typing import Any

from django.core.management.base import BaseCommand, CommandError

from devtools.generators.cases import cases_generate
from labourhub.workflow.models import Case
from tenants.context import ministry_context
from tenants.selectors import ministry_get


class Command(BaseCommand):
    help = "Bulk-generate open cases for one ministry (e.g. 10000 for the partner API bench)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("ministry", help="ministry slug, e.g. colombia")
        parser.add_argument("--total", type=int, default=10000, help="top up to this many cases")

    def handle(self, *args: Any, **opts: Any) -> None:
        ministry = ministry_get(slug=opts["ministry"])
        if ministry is None:
            raise CommandError(f"no ministry {opts['ministry']!r}")
        with ministry_context(ministry):
            added = cases_generate(count=max(0, opts["total"] - Case.objects.count()))
            total = Case.objects.count()
        self.stdout.write(f"{ministry.schema_name}: added {added}, total {total} cases")
