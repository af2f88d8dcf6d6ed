import time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.selectors import ministry_url
from tenants.services import (
    MinistrySpec,
    ministry_provision,
    ministry_starter_content,
    public_tenant_ensure,
    template_ensure,
)


class Command(BaseCommand):
    help = "Provision a new ministry (schema cloned from the template, domain, site, first admin)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("slug", help="subdomain and schema name, e.g. belize")
        parser.add_argument("--name", required=True)
        parser.add_argument("--country", required=True, help="ISO 3166-1 alpha-2, e.g. BZ")
        parser.add_argument("--languages", default="en", help="comma list, e.g. es,en")
        parser.add_argument("--default-language", default=None)
        parser.add_argument("--time-zone", default="UTC")
        parser.add_argument("--currency", default="USD")
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument("--admin-email", default="")
        parser.add_argument("--admin-password", required=True)

    def handle(self, *args: Any, **o: Any) -> None:
        languages = [code.strip() for code in o["languages"].split(",") if code.strip()]
        spec = MinistrySpec(
            slug=o["slug"],
            name=o["name"],
            country=o["country"],
            languages=languages,
            default_language=o["default_language"] or (languages[0] if languages else ""),
            time_zone=o["time_zone"],
            currency=o["currency"],
        )
        public_tenant_ensure()
        template_ensure()
        t0 = time.monotonic()
        try:
            ministry = ministry_provision(
                spec=spec,
                admin_username=o["admin_username"],
                admin_password=o["admin_password"],
                admin_email=o["admin_email"],
                actor=None,
            )
        except ValidationError as exc:
            lines = [f"  {field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items()]
            raise CommandError("The ministry was not created:\n" + "\n".join(lines)) from exc
        ministry_starter_content(ministry=ministry, actor=None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Provisioned {ministry.name} in {time.monotonic() - t0:.2f}s: "
                f"{ministry_url(ministry=ministry)}app/ (user {o['admin_username']})"
            )
        )
