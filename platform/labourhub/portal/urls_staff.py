from django.urls import path

from labourhub.portal.views import reports, staff, staff_shares, submissions

app_name = "portal-staff"

urlpatterns = [
    path("accounts/", staff.account_queue_view, name="account-queue"),
    path("accounts/<int:account_id>/", staff.account_detail_view, name="account"),
    path(
        "accounts/<int:account_id>/evidence/<int:evidence_id>/",
        staff.account_evidence_view,
        name="account-evidence",
    ),
    path(
        "establishments/submissions/",
        submissions.submission_queue_view,
        name="submission-queue",
    ),
    path(
        "establishments/submissions/<int:submission_id>/",
        submissions.submission_detail_view,
        name="submission",
    ),
    path(
        "establishments/<int:establishment_id>/representatives/",
        staff.representatives_view,
        name="representatives",
    ),
    path(
        "representatives/<int:link_id>/remove/",
        staff.representative_remove_view,
        name="representative-remove",
    ),
    path(
        "establishments/<int:establishment_id>/inbox/",
        staff.establishment_inbox_view,
        name="establishment-inbox",
    ),
    path("notifications/<int:notification_id>/", staff.notification_view, name="notification"),
    path(
        "complaints/<int:complaint_id>/documents/",
        staff_shares.complaint_shares_view,
        name="complaint-shares",
    ),
    path("reports/", reports.report_queue_view, name="report-queue"),
    path("reports/<int:report_id>/", reports.report_detail_view, name="report"),
    path("documents/<int:document_id>/", staff.answer_document_view, name="answer-document"),
]
