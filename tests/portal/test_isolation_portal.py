"""Every portal route, with employer A's and worker A's records, opened by employer B and by
another worker: nothing of A's comes back (the route list is read from the URLconf, so a page
added later is swept too)."""

import datetime
from typing import Any

from django.utils import timezone

from labourhub.complaints.models import Complaint
from labourhub.extensions import hookimpl
from labourhub.extensions.types import EstablishmentReportKind
from labourhub.portal.models import SharedDocument
from labourhub.portal.services.ebox import notification_serve
from labourhub.portal.services.reports import establishment_report_file
from labourhub.portal.services.submissions import establishment_submission_file
from labourhub.portal.services.workers import portal_accident_notify, portal_complaint_file
from tests.portal.test_web import PUBLIC_PAGES, _portal_routes
from tests.portal.test_workers import _document_on, _second_worker

SECRET = "SECRET-OF-A"


class Kinds:
    @hookimpl
    def register_establishment_report_kinds(self, tenant: Any) -> list[EstablishmentReportKind]:
        return [EstablishmentReportKind("xx_closure", "Closure (plugin)")]


def _records_of_a(portal: Any) -> list[int]:
    today = timezone.localdate()
    notification = notification_serve(
        establishment=portal.est_a, kind="document_requirement", subject=SECRET,
        body=SECRET, requested_documents=["Payroll"], reply_days=5, actor=portal.supervisor,
    )  # fmt: skip
    submission = establishment_submission_file(
        actor=portal.employer_a, establishment=portal.est_a, name=SECRET, address="Calle 1",
        locality="Centro", isic_code="1410", workers_female=1, workers_male=1, opened_on=None,
    )  # fmt: skip
    report = establishment_report_file(
        actor=portal.employer_a, establishment=portal.est_a, kind="xx_closure",
        workers_female=1, workers_male=2, starts_on=today, reasons=f"{SECRET} reasons here",
    )  # fmt: skip
    accident = portal_accident_notify(
        actor=portal.employer_a, establishment=portal.est_a, kind="accident",
        severity="minor", occurred_on=today - datetime.timedelta(days=1),
        description=SECRET, victims_male=1,
    )  # fmt: skip
    complaint, _code = portal_complaint_file(
        actor=portal.worker, subject=SECRET, description=f"{SECRET} happened here",
        establishment=portal.est_a,
    )  # fmt: skip
    document = _document_on(complaint.case)
    share = SharedDocument.objects.create(
        complaint=complaint, document=document, shared_by=portal.supervisor
    )
    return sorted(
        {
            notification.pk, submission.pk, report.pk, accident.pk, complaint.pk, share.pk,
            portal.est_a.pk,
        }
    )  # fmt: skip


def _paths(ids: list[int]) -> list[str]:
    paths = []
    for route in _portal_routes():
        if route in PUBLIC_PAGES or "verify-email" in route or "password-reset/x" in route:
            continue
        if "{id}" not in route:
            paths.append(route)
            continue
        for first in ids:
            for second in ids if route.count("{id}") > 1 else [None]:
                path = route.replace("{id}", str(first), 1)
                if second is not None:
                    path = path.replace("{id}", str(second), 1)
                paths.append(path)
    return paths


def test_employer_b_and_another_worker_reach_nothing_of_a(
    portal, ministry, client_for, register_temporary_plugin, django_capture_on_commit_callbacks
):
    register_temporary_plugin(Kinds(), slug="xx-kinds", active_for=(ministry,))
    ids = _records_of_a(portal)
    assert Complaint.objects.filter(subject=SECRET).exists()
    other_worker = _second_worker(django_capture_on_commit_callbacks)
    paths = _paths(ids)
    assert any("/my-complaints/" in p for p in paths) and any("/reports/" in p for p in paths)
    markers = (SECRET.encode(), portal.est_a.name.encode())
    leaks = []
    for user in (portal.employer_b, other_worker):
        client = client_for(ministry)
        client.force_login(user)
        for path in paths:
            response = client.get(path)
            shown = response.content
            if response.status_code == 200 and any(m in shown for m in markers):
                leaks.append((user.username, path))
            elif response.status_code == 200 and response.get("Content-Disposition"):
                leaks.append((user.username, path, "download"))
    assert leaks == []
    # The owners do see their own records on the same routes: the sweep can fail.
    mine = client_for(ministry)
    mine.force_login(portal.employer_a)
    assert portal.est_a.name.encode() in mine.get("/portal/reports/").content
    assert SECRET.encode() in mine.get("/portal/establishments/submissions/").content
    assert SECRET.encode() in mine.get("/portal/inbox/").content
    worker = client_for(ministry)
    worker.force_login(portal.worker)
    assert SECRET.encode() in worker.get("/portal/my-complaints/").content
