from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.roles import Role, Scope
from labourhub.common.models import BaseModel


class Office(BaseModel):
    """An org unit in the ministry's two-level hierarchy (region/department -> district office)."""

    class Level(models.TextChoices):
        REGION = "region", _("Region")
        DISTRICT = "district", _("District office")

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(level="region", parent__isnull=True)
                    | models.Q(level="district", parent__isnull=False)
                ),
                name="office_level_matches_parent",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def region_id(self) -> int | None:
        return self.pk if self.level == self.Level.REGION else self.parent_id


class User(AbstractUser):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        DEPARTED = "departed", _("Departed")

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, related_name="staff"
    )
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)
    departed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # A departed user can never be active again (Sri Lanka could not remove hundreds of
            # former officials); the database enforces it, not only the service.
            models.CheckConstraint(
                condition=~models.Q(status="departed", is_active=True),
                name="departed_user_is_inactive",
            )
        ]


class RoleGrant(BaseModel):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    scope_office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Office the grant applies to; empty means the user's own office."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_grant_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}"


__all__ = ["Office", "Role", "RoleGrant", "Scope", "User"]
