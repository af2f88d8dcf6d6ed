from django.urls import path

from labourhub.inspections import views

app_name = "inspections"

urlpatterns = [
    path("", views.inspection_list_view, name="list"),
    path("mine/", views.my_inspections_view, name="mine"),
    path("team/", views.team_view, name="team"),
    path("alert-routing/", views.alert_routing_view, name="alert-routing"),
    path(
        "establishments/<int:establishment_id>/history/",
        views.establishment_history_view,
        name="history",
    ),
    path("<int:inspection_id>/", views.inspection_detail_view, name="detail"),
    path("<int:inspection_id>/authorise/", views.inspection_authorise_view, name="authorise"),
    path("<int:inspection_id>/assign/", views.inspection_assign_view, name="assign"),
    path(
        "<int:inspection_id>/assignments/<int:assignment_id>/replay/",
        views.assignment_replay_view,
        name="replay",
    ),
    path("<int:inspection_id>/start/", views.visit_start_view, name="start"),
    path("<int:inspection_id>/visit/<int:number>/", views.visit_section_view, name="visit"),
    path("<int:inspection_id>/evidence/", views.evidence_upload_view, name="evidence-upload"),
    path(
        "<int:inspection_id>/evidence/<int:evidence_id>/",
        views.evidence_download_view,
        name="evidence",
    ),
    path(
        "<int:inspection_id>/findings/<int:finding_id>/",
        views.finding_edit_view,
        name="finding-edit",
    ),
    path("<int:inspection_id>/refuse-entry/", views.refuse_entry_view, name="refuse-entry"),
    path("<int:inspection_id>/submit/", views.submit_view, name="submit"),
    path("<int:inspection_id>/cancel/", views.cancel_view, name="cancel"),
    path(
        "<int:inspection_id>/corrections/", views.correction_request_view, name="correction-request"
    ),
    path(
        "<int:inspection_id>/corrections/<int:correction_id>/decide/",
        views.correction_decide_view,
        name="correction-decide",
    ),
    path("<int:inspection_id>/pack/", views.pack_view, name="pack"),
    path("checklists/", views.checklist_list_view, name="checklists"),
    path("checklists/<int:checklist_id>/", views.checklist_detail_view, name="checklist"),
    path(
        "checklists/<int:checklist_id>/<str:op>/", views.checklist_edit_view, name="checklist-edit"
    ),
    path("campaigns/", views.campaign_list_view, name="campaigns"),
    path("campaigns/<int:campaign_id>/", views.campaign_detail_view, name="campaign"),
]
