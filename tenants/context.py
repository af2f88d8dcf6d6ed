"""The only module outside django-tenants that switches the connection's schema (R34)."""

from collections.abc import Iterator
from contextlib import contextmanager

from django_tenants.utils import schema_context, tenant_context

from tenants.models import Ministry


@contextmanager
def ministry_context(ministry: Ministry) -> Iterator[Ministry]:
    with tenant_context(ministry):
        yield ministry


@contextmanager
def public_context() -> Iterator[None]:
    with schema_context("public"):
        yield
