from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class ComplaintFollower(BaseModel):
    """A worker account that filed or claimed a complaint, so it can follow it without the code.

    Anonymous complaints are never linked: the account would be the identity they promise not to
    keep. Staff pages never read this table, so the link is invisible to every staff role.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="followed_complaints"
    )
    complaint = models.OneToOneField(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="portal_follower"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.complaint_id}"


class SharedDocument(BaseModel):
    """A ministry document the staff chose to show to the complainant on the portal."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="portal_shares"
    )
    document = models.ForeignKey("documents.Document", on_delete=models.PROTECT, related_name="+")
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["complaint", "document"], name="share_once")]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.document_id}"


class PortalAccident(BaseModel):
    """Who notified an accident from the portal (employer or worker); the notification itself
    is the core register's row, written by the register's own service."""

    accident = models.OneToOneField(
        "complaints.AccidentNotification", on_delete=models.PROTECT, related_name="portal_origin"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="portal_accidents"
    )
    kind = models.CharField(_("notified by"), max_length=16)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.accident_id}"
