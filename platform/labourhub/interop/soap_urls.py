from django.urls import path

from labourhub.interop.soap_views import soap_view

# Mounted at /soap/v1/ on every ministry's host; ``?wsdl`` describes it.
urlpatterns = [path("", soap_view, name="interop-soap")]
