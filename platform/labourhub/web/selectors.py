import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.models import AuditEvent


def dashboard_counts(*, user: User) -> list[tuple[str, int]]:
    """Live figures for the dashboard; later modules add theirs through the plugin host."""
    week_ago = timezone.now() - dt.timedelta(days=7)
    counts = [
        (_("Active staff accounts"), User.objects.filter(is_active=True).count()),
        (_("Offices"), Office.objects.count()),
    ]
    if user_can(user=user, action=Action.AUDIT_VIEW):
        counts.append(
            (
                _("Recorded changes, last 7 days"),
                AuditEvent.objects.filter(occurred_at__gte=week_ago).count(),
            )
        )
    return counts
