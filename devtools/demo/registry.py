"""A demo ministry's registry: generated establishments plus a showcase near-duplicate pair."""

from django.db import connection, transaction

from devtools.demo.offices import home_district
from devtools.generators.registry import registry_generate
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.registry.models import Employer, Establishment
from labourhub.registry.services import size_band_for

SHOWCASE_ES = [("Compañía Industrial Ñandú", "Compañía Industrial Ñandú S.A.", "1071")]


def registry_demo_seed(*, count: int = 300, actor: Actor = None) -> int:
    """Give a demo ministry a realistic registry once (no-op when it already has one), with a
    showcase record and a near-duplicate pair so search and merge can be tried at once."""
    if Establishment.objects.exists():
        return 0
    added = registry_generate(count=count, actor=actor)
    tenant = getattr(connection, "tenant", None)
    if getattr(tenant, "default_language", "") == "es":
        with transaction.atomic():
            office = home_district()
            if office is not None:
                for name, legal, isic in SHOWCASE_ES:
                    employer = Employer.objects.create(legal_name=legal, tax_id="DEMO-1")
                    for suffix, reg, addr in (
                        ("", "DEMO-0001", "Avenida Central 12"),
                        (" SA", "DEMO-0002", "Av. Central 12"),
                    ):
                        Establishment.objects.create(
                            employer=employer,
                            registration_number=reg,
                            name=name + suffix,
                            address=addr,
                            office=office,
                            isic_code=isic,
                            size_band=size_band_for(40),
                            workers_female=22,
                            workers_male=18,
                        )
                audit_record(
                    actor=actor,
                    action=AuditAction.REGISTRY_SHOWCASE_SEEDED,
                    subject=None,
                    payload={"values": {"records": 2}},
                )
    return added
