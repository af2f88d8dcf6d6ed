"""pytest fixtures exported to every plugin distribution through the ``pytest11`` entry point.

Two ministries are provisioned once per test database (cloned from the template schema) and
reused with ``--reuse-db``; each test runs inside a rolled-back transaction with the first one
active.
"""

import tomllib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.db import connection as _connection
from django.test import Client

# django-tenants adds schema methods the Django stubs do not know.
connection: Any = _connection

TEST_PASSWORD = "Test-password-2026"
MINISTRIES = {
    "test": {
        "name": "Test Ministry of Labour",
        "country": "HN",
        "languages": ["es", "en"],
        "default_language": "es",
        "time_zone": "America/Tegucigalpa",
        "currency": "HNL",
    },
    "test2": {
        "name": "Second Test Ministry",
        "country": "PY",
        "languages": ["es"],
        "default_language": "es",
        "time_zone": "America/Asuncion",
        "currency": "PYG",
    },
}


def _ensure_ministries() -> None:
    from django_tenants.utils import schema_exists

    from tenants.models import Ministry
    from tenants.services import (
        MinistrySpec,
        ministry_provision,
        public_tenant_ensure,
        template_ensure,
    )

    public_tenant_ensure()
    template_ensure()
    for slug, spec in MINISTRIES.items():
        if Ministry.objects.filter(schema_name=slug).exists():
            continue
        if schema_exists(slug):
            # A transactional test's flush removed the row but not the schema.
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA "{slug}" CASCADE')
        ministry_provision(
            spec=MinistrySpec(slug=slug, **spec),  # type: ignore[arg-type]
            admin_username="admin",
            admin_password=TEST_PASSWORD,
            actor=None,
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    with django_db_blocker.unblock():
        _ensure_ministries()
        connection.set_schema_to_public()


@cache
def _plugin_apps_of(directory: Path) -> tuple[str, ...]:
    """The Django apps declared by the plugin distribution containing ``directory``."""
    for folder in (directory, *directory.parents):
        project = folder / "pyproject.toml"
        if project.is_file():
            data = tomllib.loads(project.read_text(encoding="utf-8"))
            entry_points = data.get("project", {}).get("entry-points", {})
            return tuple(entry_points.get("labourhub.plugins", {}))
    return ()


def plugin_countries_for(test_path: Path) -> list[str]:
    """The countries declared by the plugin whose tests live at ``test_path`` ([] for the core)."""
    from django.apps import apps

    from labourhub.extensions.plugin import PluginAppConfig

    names = set(_plugin_apps_of(test_path.parent))
    for config in apps.get_app_configs():
        if isinstance(config, PluginAppConfig) and config.name in names:
            return list(config.PluginMeta.countries)
    return []


@pytest.fixture
def ministry(db: None, request: pytest.FixtureRequest) -> Any:
    """The first test ministry, in a country the plugin under test declares.

    A plugin for Saint Lucia is tested in a Saint Lucian ministry: the country is changed inside
    the test's transaction (rolled back afterwards), so any plugin's own tests pass unchanged.
    """
    from tenants.models import Ministry

    found = Ministry.objects.get(schema_name="test")
    countries = [c for c in plugin_countries_for(Path(str(request.path))) if c != "*"]
    if countries and str(found.country) not in countries:
        Ministry.objects.filter(pk=found.pk).update(country=countries[0])
        found.refresh_from_db()
    return found


@pytest.fixture
def second_ministry(db: None) -> Any:
    from tenants.models import Ministry

    return Ministry.objects.get(schema_name="test2")


@pytest.fixture
def in_ministry(ministry: Any) -> Iterator[Any]:
    """Run the test body with the test ministry's schema active."""
    from tenants.context import ministry_context

    with ministry_context(ministry):
        yield ministry
    connection.set_schema_to_public()


@pytest.fixture
def in_second_ministry(second_ministry: Any) -> Iterator[Any]:
    from tenants.context import ministry_context

    with ministry_context(second_ministry):
        yield second_ministry
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def _reset_schema() -> Iterator[None]:
    # A request through the test client leaves the connection on the tenant it served.
    yield
    if connection.connection is not None or connection.schema_name != "public":
        connection.set_schema_to_public()


def host_of(ministry: Any) -> str:
    return f"{ministry.schema_name}.localhost"


class SchemaPreservingMixin:
    """Like Django's client, but the test's active schema survives the request.

    django-tenants leaves the connection on the schema of the host it served, which would make
    the test's next ORM call silently read another ministry.
    """

    def request(self, **request: Any) -> Any:
        tenant = getattr(connection, "tenant", None)
        schema = connection.schema_name
        try:
            return super().request(**request)  # type: ignore[misc]
        finally:
            if tenant is not None and schema != "public":
                connection.set_tenant(tenant)
            else:
                connection.set_schema_to_public()


class SchemaPreservingClient(SchemaPreservingMixin, Client):
    pass


@pytest.fixture
def client_for() -> Callable[[Any], Client]:
    """A browser-like client bound to a ministry's host."""

    def make(ministry: Any) -> Client:
        return SchemaPreservingClient(HTTP_HOST=host_of(ministry))

    return make


@pytest.fixture
def user_with_role(in_ministry: Any) -> Callable[..., Any]:
    """Create a user of the *active* ministry holding ``role`` (password TEST_PASSWORD)."""
    from labourhub.accounts.models import Office
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create

    counter = {"n": 0}

    def make(
        role: Role | str = Role.INSPECTOR, username: str | None = None, office: Any = None
    ) -> Any:
        counter["n"] += 1
        if office is None:
            region = Office.objects.filter(code="T-REG").first() or office_create(
                code="T-REG", name="Test region", level="region", actor=None
            )
            office = Office.objects.filter(code="T-DIS").first() or office_create(
                code="T-DIS", name="Test district", level="district", parent=region, actor=None
            )
        return user_create(
            username=username or f"{Role(role).value}{counter['n']}",
            password=TEST_PASSWORD,
            office=office,
            roles=[Role(role)],
            actor=None,
        )

    return make


@pytest.fixture
def api_client_for() -> Callable[..., Any]:
    """A DRF client for ``ministry``, authenticated with a real token of ``user`` if given."""
    from rest_framework.test import APIClient

    from labourhub.accounts.services import user_token_issue

    class SchemaPreservingAPIClient(SchemaPreservingMixin, APIClient):
        pass

    def make(ministry: Any, user: Any = None) -> APIClient:
        client = SchemaPreservingAPIClient(HTTP_HOST=host_of(ministry))
        if user is not None:
            token = user_token_issue(user=user, actor=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture(autouse=True)
def _reset_plugin_activation_cache() -> Iterator[None]:
    # Activations are rolled back with the test's transaction; the process cache must forget them.
    from labourhub.extensions import activation_cache_clear

    activation_cache_clear()
    yield
    activation_cache_clear()


@pytest.fixture
def enable_plugin(ministry: Any) -> Iterator[Callable[..., Any]]:
    """Register an installed plugin's hooks and activate it through the real service.

    ``enable_plugin("trade-unions")`` activates it for the test ministry;
    ``enable_plugin("trade-unions", ministry=other, config={...})`` for another one. The hooks
    are unregistered again after the test, so no plugin leaks into the next test.
    """
    from labourhub.extensions.manager import unregister_plugin
    from labourhub.extensions.registry import plugin_is_registered, plugin_register_installed
    from tenants.plugin_services import plugin_activate

    registered: list[str] = []

    def enable(slug: str, ministry: Any = ministry, config: dict[str, Any] | None = None) -> Any:
        if not plugin_is_registered(slug):
            plugin_register_installed(slug)
            registered.append(slug)
        return plugin_activate(ministry=ministry, slug=slug, config=config, actor=None)

    yield enable
    for slug in registered:
        unregister_plugin(slug)


@pytest.fixture
def register_temporary_plugin() -> Iterator[Callable[..., Any]]:
    """Register any object with @hookimpl methods as plugin ``slug`` for one test.

    Pass ``active_for=[ministry, ...]`` to mark it active there (a row in PluginActivation);
    it is unregistered after the test.
    """
    from labourhub.extensions import activation_cache_clear
    from labourhub.extensions.manager import register_plugin, unregister_plugin
    from tenants.models import PluginActivation

    slugs: list[str] = []

    def register(obj: Any, slug: str = "temporary", active_for: tuple[Any, ...] = ()) -> Any:
        register_plugin(obj, slug)
        slugs.append(slug)
        for target in active_for:
            PluginActivation.objects.update_or_create(
                ministry=target, plugin_slug=slug, defaults={"enabled": True}
            )
        activation_cache_clear()
        return obj

    yield register
    for slug in slugs:
        unregister_plugin(slug)
