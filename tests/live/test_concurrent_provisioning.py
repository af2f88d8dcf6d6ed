"""Two ministries provisioned at the same moment on a database that has never cloned a schema
(a fresh `make run` seeding two at a time, or two operators in the console): both succeed.

django-tenants installs its clone function and its enum type on every clone; without a lock,
the second transaction failed with a duplicate key on that type.
"""

import threading

import pytest
from django.db import connection, connections

from tenants.services import MinistrySpec, ministry_provision

from .conftest import drop_ministry

# Not in a test transaction: the two provisions commit, as they would in production.
pytestmark = pytest.mark.live

SLUGS = ("racea", "raceb")


def test_two_ministries_provisioned_at_once_on_a_fresh_database_both_succeed(
    django_db_setup, django_db_blocker
):
    from labourhub.testing.pytest_plugin import TEST_PASSWORD

    barrier = threading.Barrier(len(SLUGS))
    errors: dict[str, BaseException] = {}

    def provision(slug: str) -> None:
        try:
            barrier.wait(timeout=30)
            ministry_provision(
                spec=MinistrySpec(
                    slug=slug,
                    name=f"Ministerio {slug}",
                    country="HN",
                    languages=["es"],
                    default_language="es",
                    time_zone="America/Tegucigalpa",
                    currency="HNL",
                ),
                admin_username="admin",
                admin_password=TEST_PASSWORD,
                actor=None,
            )
        except BaseException as exc:  # reported by the test below, with the slug
            errors[slug] = exc
        finally:
            connections.close_all()

    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        for slug in SLUGS:
            drop_ministry(slug)
        with connection.cursor() as cursor:
            # As on a database where no ministry was ever cloned.
            cursor.execute("DROP TYPE IF EXISTS public.cloneparms CASCADE")
        try:
            threads = [threading.Thread(target=provision, args=(slug,)) for slug in SLUGS]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=600)
            assert errors == {}
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ANY(%s)",
                    [list(SLUGS)],
                )
                assert cursor.fetchone()[0] == len(SLUGS)
        finally:
            connection.set_schema_to_public()
            for slug in SLUGS:
                drop_ministry(slug)
