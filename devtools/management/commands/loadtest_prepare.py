"""Provision the ministries a load test runs against, each with staff, establishments and cases.

Kept apart from `seed_demo`: the load test needs many small, alike ministries quickly, not eight
rich demo countries. Idempotent: a ministry that already exists is topped up, not recreated.
"""

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count

from devtools.generators.registry import registry_generate
from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create, user_create, user_token_issue
from labourhub.registry.models import Establishment
from tenants.context import ministry_context
from tenants.selectors import ministry_get
from tenants.services import (
    MinistrySpec,
    ministry_provision,
    public_tenant_ensure,
    template_ensure,
)

PASSWORD = "Load-Test-LabourHub-2026"  # noqa: S105 (throwaway load-test stack)
STAFF_ROLES = [Role.CLERK, Role.SUPERVISOR, Role.INSPECTOR]


class Command(BaseCommand):
    help = "Provision N load-test ministries (load01, load02, …) and write their hosts to a file."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--ministries", type=int, default=30)
        parser.add_argument("--establishments", type=int, default=300)
        parser.add_argument("--out", default=".run/load/ministries.json")

    def handle(self, *args: Any, **opts: Any) -> None:
        public_tenant_ensure()
        template_ensure()
        hosts = []
        for n in range(1, opts["ministries"] + 1):
            slug = f"load{n:02d}"
            t0 = time.monotonic()
            ministry = ministry_get(slug=slug)
            if ministry is None:
                ministry = ministry_provision(
                    spec=MinistrySpec(
                        slug=slug,
                        name=f"Ministry of Labour {n}",
                        country="LC",
                        languages=["en", "fr"],
                        default_language="en",
                        time_zone="America/St_Lucia",
                        currency="XCD",
                    ),
                    admin_username="admin",
                    admin_password=PASSWORD,
                    admin_email="",
                    actor=None,
                )
            with ministry_context(ministry):
                # The generator spreads establishments over the offices there are: none in a
                # new ministry, so it would add nothing.
                if not Office.objects.exists():
                    office_create(code="HQ", name="Headquarters", level="region", actor=None)
                missing = opts["establishments"] - Establishment.objects.count()
                if missing > 0:
                    registry_generate(count=missing, with_history=False)
                # Staff sit in the office holding most establishments, so their office-scoped
                # lists look like a real office's, not an empty one's.
                office = (
                    Office.objects.filter(establishments__isnull=False)
                    .annotate(n=Count("establishments"))
                    .order_by("-n", "code")
                    .first()
                ) or Office.objects.order_by("code").first()
                assert office is not None
                if not User.objects.filter(username="staff").exists():
                    user_create(
                        username="staff",
                        password=PASSWORD,
                        office=office,
                        roles=STAFF_ROLES,
                        actor=None,
                    )
                # One API token per ministry, issued here: a token request revokes the previous
                # token, so simulated people asking for their own would sign each other out.
                token = user_token_issue(user=User.objects.get(username="staff"), actor=None)
                ids = list(Establishment.objects.order_by("pk").values_list("pk", flat=True)[:50])
                if len(ids) < min(50, opts["establishments"]):
                    raise CommandError(f"{slug}: only {len(ids)} establishments were generated")
            hosts.append(
                {
                    "slug": slug,
                    "host": f"{slug}.localhost",
                    "office": office.code,
                    "token": token.key,
                    "establishments": ids,
                }
            )
            self.stdout.write(f"{slug}: ready in {time.monotonic() - t0:.1f}s")
            self.stdout.flush()
            # A fresh database session per ministry, as `provision_ministry` gets. A session
            # keeps a cached plan for every foreign key it has checked, in every ministry, and
            # each of the clone's ~4,000 DDL statements walks them all: in one long session
            # the 25th ministry's clone took 24 s instead of 7.
            connection.close()
        out = Path(opts["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"password": PASSWORD, "ministries": hosts}, indent=1))
        self.stdout.write(f"wrote {out}")
