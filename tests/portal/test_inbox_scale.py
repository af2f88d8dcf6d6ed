"""An employer with 500 notifications: the inbox page stays a fixed number of queries and fast."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from labourhub.portal.models import Notification, Receipt


def test_inbox_with_500_notifications(portal, client_for, ministry):
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(
            establishment=portal.est_a, kind="document_requirement", subject=f"Req {i}",
            body="x", served_by=portal.supervisor, served_at=now, reply_days=5,
        )
        for i in range(500)
    )  # fmt: skip
    opened = Notification.objects.order_by("id")[:250]
    Receipt.objects.bulk_create(
        Receipt(notification=n, opened_by=portal.employer_a, opened_at=now) for n in opened
    )
    client = client_for(ministry)
    client.force_login(portal.employer_a)
    client.get("/portal/inbox/")
    timings = []
    for page in (1, 2, 10, 20) * 5:
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(f"/portal/inbox/?page={page}")
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200
        assert len(queries) < 40, [q["sql"][:120] for q in queries]
    assert b"Req " in response.content
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(
        f"inbox page (500 notifications, {len(timings)} requests): "
        f"median {statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms"
    )
    assert p95 < 1.0
