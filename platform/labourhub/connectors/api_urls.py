from django.urls import path

from labourhub.connectors import apis

urlpatterns = [
    path("runs/<int:run_id>/", apis.ConnectorRunDetailApi.as_view(), name="connector-run-detail"),
]
