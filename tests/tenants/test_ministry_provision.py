import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_exists

from labourhub.accounts.models import User
from labourhub.audit.models import AuditEvent
from tenants.context import ministry_context
from tenants.models import Domain, Ministry
from tenants.services import ERR_COUNTRY, MinistrySpec, ministry_provision

GOOD = {
    "slug": "belize",
    "name": "Ministry of Labour of Belize",
    "country": "BZ",
    "languages": ["en", "es"],
    "default_language": "en",
    "time_zone": "America/Belize",
    "currency": "BZD",
}


def provision(**overrides):
    return ministry_provision(
        spec=MinistrySpec(**{**GOOD, **overrides}),
        admin_username="boss",
        admin_password="Str0ng-password-2026",
        actor=None,
    )


def test_provision_creates_schema_domain_site_and_admin(db):
    ministry = provision()
    assert schema_exists("belize")
    assert Domain.objects.get(tenant=ministry).domain == "belize.localhost"
    assert AuditEvent.objects.filter(
        action="ministry.provisioned", subject_id=str(ministry.pk)
    ).exists()
    with ministry_context(ministry):
        from wagtail.models import Site

        admin = User.objects.get(username="boss")
        assert admin.role_grants.filter(role="system_admin").exists()
        site = Site.objects.get(is_default_site=True)
        assert site.hostname == "belize.localhost"
        assert site.root_page.specific.title == GOOD["name"]
        # the cloned schema starts with no staff but its own admin
        assert User.objects.count() == 1


def nothing_written(slug="belize"):
    return (
        not Ministry.objects.filter(schema_name=slug).exists()
        and not Domain.objects.filter(domain=f"{slug}.localhost").exists()
        and not schema_exists(slug)
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"slug": "test"}, "slug"),  # subdomain of an existing ministry
        ({"slug": "Bad Slug!"}, "slug"),
        ({"slug": "public"}, "slug"),
        ({"country": "XX"}, "country"),
        ({"country": "'; DROP SCHEMA public; --"}, "country"),
        ({"languages": ["en", "klingon"]}, "languages"),
        ({"default_language": "fr"}, "default_language"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"currency": "dollars"}, "currency"),
        ({"working_week": [0, 9]}, "working_week"),
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_is_written(db, overrides, field):
    before = Ministry.objects.count()
    with pytest.raises(ValidationError) as exc:
        provision(**overrides)
    assert field in exc.value.message_dict
    assert Ministry.objects.count() == before
    slug = overrides.get("slug", "belize")
    if slug == "belize":
        assert nothing_written()


def test_unknown_country_message_names_the_code(db):
    with pytest.raises(ValidationError) as exc:
        provision(country="XX")
    assert exc.value.message_dict["country"] == [ERR_COUNTRY % {"code": "XX"}]


def test_duplicate_subdomain_message_is_translated(db):
    from django.utils import translation

    with translation.override("es"), pytest.raises(ValidationError) as exc:
        provision(slug="test")
    assert "ya lo usa otro ministerio" in exc.value.message_dict["slug"][0]


def test_weak_admin_password_is_refused_before_any_write(db):
    with pytest.raises(ValidationError) as exc:
        ministry_provision(
            spec=MinistrySpec(**GOOD), admin_username="boss", admin_password="123", actor=None
        )
    assert "admin_password" in exc.value.message_dict
    assert nothing_written()


def test_a_failure_after_the_schema_is_cloned_rolls_everything_back(db, monkeypatch):
    import tenants.services as services

    def explode(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "site_bootstrap", explode)
    with pytest.raises(RuntimeError):
        provision()
    connection.set_schema_to_public()
    assert nothing_written()


def test_provision_command_reports_bad_input(db):
    with pytest.raises(CommandError) as exc:
        call_command(
            "provision_ministry",
            "test",
            "--name",
            "Dup",
            "--country",
            "ZZ",
            "--languages",
            "xx",
            "--admin-password",
            "Str0ng-password-2026",
        )
    text = str(exc.value)
    assert "slug" in text and "country" in text and "languages" in text
