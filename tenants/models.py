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
    languages = ArrayField(models.CharField(max_length=8), default=list, verbose_name=_("languages"))
    default_language = models.CharField(_("default language"), max_length=8, default="en")
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    working_week = ArrayField(models.PositiveSmallIntegerField(), default=default_working_week)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.ACTIVE)
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
            models.UniqueConstraint(fields=["ministry", "plugin_slug"], name="one_activation_per_plugin")
        ]

    def __str__(self) -> str:
        return f"{self.ministry_id}:{self.plugin_slug}"
