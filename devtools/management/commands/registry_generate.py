from typing import Any

from django.core.management.base import BaseCommand, CommandError

from devtools.generators.registry import registry_generate
from labourhub.registry.models import Establishment
from tenants.context import ministry_context
from tenants.selectors import ministry_get


class Command(BaseCommand):
    help = "Bulk-generate establishments for one ministry (e.g. 200000 for Philippines scale)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("ministry", help="ministry slug, e.g. philippines")
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument(
            "--total",
            type=int,
            default=0,
            help="top up to this many establishments instead of adding --count",
        )
        parser.add_argument("--no-history", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        ministry = ministry_get(slug=opts["ministry"])
        if ministry is None:
            raise CommandError(f"no ministry {opts['ministry']!r}")
        with ministry_context(ministry):
            count = opts["count"]
            if opts["total"]:
                count = max(0, opts["total"] - Establishment.objects.count())
            added = registry_generate(count=count, with_history=not opts["no_history"])
            total = Establishment.objects.count()
        self.stdout.write(f"{ministry.schema_name}: added {added}, total {total} establishments")
