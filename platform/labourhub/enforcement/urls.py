from django.urls import path

from labourhub.enforcement import views

app_name = "enforcement"

urlpatterns = [
    path("orders/new/", views.order_new_view, name="order-new"),
    path("cases/<int:case_id>/payments/", views.payment_view, name="payment"),
    path("cases/<int:case_id>/hearings/", views.hearing_view, name="hearing"),
]
