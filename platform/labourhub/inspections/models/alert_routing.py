"""Who a safety alert (child labour, refused entry) reaches, as the ministry configures it."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.roles import Role
from labourhub.common.models import BaseModel
from labourhub.inspections.models.visits import InspectionAlert


class AlertRouting(BaseModel):
    """The roles one kind of alert reaches at once; no row means the default roles."""

    kind = models.CharField(
        _("alert"), max_length=16, choices=InspectionAlert.Kind.choices, unique=True
    )
    roles = ArrayField(
        models.CharField(max_length=32, choices=Role.choices), default=list, blank=True
    )

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"{self.kind}: {', '.join(self.roles)}"
