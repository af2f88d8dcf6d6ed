from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    """The shared (public-schema) app: ministries, domains, provisioning, the coordination unit."""

    name = "tenants"
    verbose_name = _("Ministries")
