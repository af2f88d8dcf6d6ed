"""Ministries (tenants) and their domains, stored in the public schema."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_tenants.models import DomainMixin, TenantMixin


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
