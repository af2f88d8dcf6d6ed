import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection as _connection
from django_tenants.utils import schema_exists

from tenants.models import Ministry

# django-tenants adds schema methods the Django stubs do not know.
connection: Any = _connection
MANAGE = Path(__file__).resolve().parents[3] / "manage.py"


def migrate_public() -> None:
    """The public schema: the shared apps' migrations run, the tenant apps' are recorded.

    `migrate_schemas --shared` runs every migration of the project here, the tenant apps' as
    no-ops the router skips, but re-rendering the models each time: most of a minute and a
    half of CPU. Running the shared apps' migrations (with whatever they depend on) and then
    recording the rest as applied leaves the same tables and the same migration records.
    """
    from django.apps import apps
    from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
    from django.db.migrations.executor import MigrationExecutor

    connection.set_schema_to_public()
    shared = {c.label for c in apps.get_app_configs() if c.name in settings.SHARED_APPS}
    executor = MigrationExecutor(connection)
    everything = executor.loader.graph.leaf_nodes()
    targets = [node for node in everything if node[0] in shared]
    plan = executor.migration_plan(targets)
    state = executor._create_project_state(with_applied_migrations=True)  # type: ignore[attr-defined]
    emit_pre_migrate_signal(0, False, connection.alias, apps=state.apps, plan=plan)
    executor.migrate(targets, plan=plan, state=state.clone())
    executor.loader.build_graph()
    recorded = executor.migration_plan(everything)
    executor.migrate(everything, plan=recorded, fake=True)
    # Content types and permissions for every app, as after a full run (the models are final).
    emit_post_migrate_signal(0, False, connection.alias, apps=apps, plan=plan + recorded)


def migrate_schema(schema: str) -> None:
    """One tenant schema (the template or a ministry), then back to the public schema."""
    call_command(
        "migrate_schemas",
        tenant=True,
        schema_name=schema,
        executor="standard",
        interactive=False,
        verbosity=0,
    )
    connection.set_schema_to_public()


class Command(BaseCommand):
    help = (
        "Migrate the public schema and the template schema side by side, then every ministry "
        "(`make run`). On a fresh database the template schema's migrations are most of "
        "`make run`'s wait; the public schema's run beside them instead of before."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--public-only",
            action="store_true",
            help="only the public schema (what the command runs beside the template schema)",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["public_only"]:
            migrate_public()
            return
        base = settings.TENANT_BASE_SCHEMA
        t0 = time.monotonic()
        # The public schema in a second process; the template schema here, at the same time.
        # No tenant app's migration refers to a public-only table, so neither waits for the other.
        public = subprocess.Popen(  # noqa: S603
            [sys.executable, str(MANAGE), "migrate_dev", "--public-only", "-v", "0"]
        )
        # Stopped by `make run` (SIGTERM): take the public schema's process down too.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE SCHEMA IF NOT EXISTS "{base}"')
            migrate_schema(base)
        except BaseException:
            public.terminate()
            public.wait()
            raise
        if public.wait() != 0:
            raise CommandError("migrating the public schema failed (see above)")
        self._say(opts, f"public and template schemas migrated in {time.monotonic() - t0:.1f}s")
        ministries = (
            Ministry.objects.exclude(schema_name__in=[base, "public"])
            .values_list("schema_name", flat=True)
            .order_by("schema_name")
        )
        existing = [slug for slug in ministries if schema_exists(slug)]
        for slug in existing:
            t0 = time.monotonic()
            migrate_schema(slug)
            self._say(opts, f"{slug} migrated in {time.monotonic() - t0:.1f}s")

    def _say(self, opts: dict[str, Any], msg: str) -> None:
        if opts["verbosity"] > 0:
            self.stdout.write(msg)
