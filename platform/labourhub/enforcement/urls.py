from django.urls import path

from labourhub.enforcement import chain_views, views

app_name = "enforcement"

urlpatterns = [
    path("orders/new/", views.order_new_view, name="order-new"),
    path("cases/<int:case_id>/payments/", views.payment_view, name="payment"),
    path("cases/<int:case_id>/hearings/", views.hearing_view, name="hearing"),
    path("cases/<int:case_id>/penalty/", chain_views.penalty_adjust_view, name="penalty"),
    path("cases/<int:case_id>/court/", chain_views.court_open_view, name="court-open"),
    path(
        "cases/<int:case_id>/court/hearings/",
        chain_views.court_hearing_view,
        name="court-hearing",
    ),
    path(
        "cases/<int:case_id>/court/judgement/",
        chain_views.court_judgement_view,
        name="court-judgement",
    ),
    path(
        "inspections/<int:inspection_id>/findings/",
        chain_views.findings_to_case_view,
        name="findings-to-case",
    ),
    path(
        "inspections/<int:inspection_id>/proposal/",
        chain_views.proposal_decide_view,
        name="proposal-decide",
    ),
]
