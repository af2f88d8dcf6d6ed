"""Sign-in lockout: per account and address, plus a ceiling per address against spraying."""

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def address_failures(*, ip_address: str, request: HttpRequest) -> int:
    """Failed sign-ins from one address within the cool-off window, whatever the account."""
    total = (
        AccessAttempt.objects.filter(
            ip_address=ip_address, attempt_time__gte=get_cool_off_threshold(request)
        ).aggregate(n=Sum("failures_since_start"))["n"]
        or 0
    )
    return int(total)


class LabourHubAxesHandler(AxesDatabaseHandler):
    """Locks ``username`` at the address that failed; pauses an address that fails too often.

    Locking by username alone lets anyone lock any known account; locking by address alone
    would lock a whole office behind one NAT after a few typos. Both together, with a higher
    ceiling for the address, keep each attack slow without that collateral damage.
    """

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        failures = int(super().get_failures(request, credentials))
        ip_address = getattr(request, "axes_ip_address", None)
        if ip_address and (
            address_failures(ip_address=ip_address, request=request)
            >= settings.AUTH_IP_FAILURE_LIMIT
        ):
            return max(failures, int(get_failure_limit(request, credentials)))
        return failures
