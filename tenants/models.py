"""Ministries (tenants) and their domains, stored in the public schema."""

from typing import Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.management import call_command
from django.db import connections, models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_tenants.models import DomainMixin, TenantMixin
from django_tenants.postgresql_backend.base import _check_schema_name
from django_tenants.utils import (
    get_creation_fakes_migrations,
    get_tenant_database_alias,
    schema_exists,
)

from tenants.clone import FastCloneSchema


def default_working_week() -> list[int]:
    return [0, 1, 2, 3, 4]  # Monday..Friday, ISO weekday - 1


class Ministry(TenantMixin):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        TEMPLATE = "template", _("Template")
        PLATFORM = "platform", _("Platform (public schema)")

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), blank=True)
    languages = ArrayField(
        models.CharField(max_length=8), default=list, verbose_name=_("languages")
    )
    default_language = models.CharField(_("default language"), max_length=8, default="en")
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    working_week = ArrayField(models.PositiveSmallIntegerField(), default=default_working_week)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    created_on = models.DateTimeField(auto_now_add=True)

    # Schemas are created by the provisioning service inside its transaction, never by save().
    auto_create_schema = False
    auto_drop_schema = False

    class Meta:
        ordering = ["name"]
        verbose_name = _("ministry")
        verbose_name_plural = _("ministries")

    def __str__(self) -> str:
        return self.name

    @property
    def slug(self) -> str:
        return str(self.schema_name)

    def get_base_schema(self) -> str:
        return str(settings.TENANT_BASE_SCHEMA)

    def create_schema(
        self, check_if_exists: bool = False, sync_schema: bool = True, verbosity: int = 1
    ) -> bool | None:
        """django-tenants' own, except that a clone of the template uses ``FastCloneSchema``,
        whose time does not grow with the number of ministries (tenants/clone.py)."""
        base = self.get_base_schema()
        if not (sync_schema and get_creation_fakes_migrations() and schema_exists(base)):
            # The template itself, built by running the migrations.
            return super().create_schema(check_if_exists, sync_schema, verbosity)
        _check_schema_name(self.schema_name)
        if check_if_exists and schema_exists(self.schema_name):
            return False
        FastCloneSchema().clone_schema(base, self.schema_name, self.clone_mode)
        call_command(
            "migrate_schemas",
            tenant=True,
            fake=True,
            schema_name=self.schema_name,
            interactive=False,
            verbosity=verbosity,
        )
        tenant_connection: Any = connections[get_tenant_database_alias()]
        tenant_connection.set_schema_to_public()
        return True


class Domain(DomainMixin):
    def __str__(self) -> str:
        return str(self.domain)


class PluginActivation(models.Model):
    """Which plugins a ministry runs, with its validated configuration (R25, R30)."""

    ministry = models.ForeignKey(Ministry, on_delete=models.CASCADE, related_name="plugins")
    plugin_slug = models.CharField(max_length=100)
    enabled = models.BooleanField(default=True)
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.CharField(max_length=200, blank=True)
    # Secrets are stored as references ({"$secret": "..."}), never as plaintext.
    config = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ministry", "plugin_slug"], name="one_activation_per_plugin"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ministry_id}:{self.plugin_slug}"


class Release(models.Model):
    """A platform release the coordination unit rolls out: a core version plus plugin versions.

    ``plugins`` maps slug -> {"version": "1.2.0", "requires": ">=0.1,<1"}; ``requires`` is copied
    from the plugin's metadata when the release is created so pre-flight can run before install.
    """

    version = models.CharField(_("core version"), max_length=40, unique=True)
    plugins = models.JSONField(_("plugin versions"), default=dict, blank=True)
    notes = models.TextField(_("release notes"), blank=True)
    canary = models.ForeignKey(
        Ministry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("canary ministry"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"LabourHub {self.version}"


class TenantUpgrade(models.Model):
    """The state of one ministry's upgrade to one release (R: per-ministry rollout status)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="upgrades")
    ministry = models.ForeignKey(Ministry, on_delete=models.CASCADE, related_name="upgrades")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["ministry__name"]
        constraints = [
            models.UniqueConstraint(fields=["release", "ministry"], name="one_upgrade_per_release")
        ]

    def __str__(self) -> str:
        return f"{self.ministry_id}->{self.release_id}:{self.status}"
