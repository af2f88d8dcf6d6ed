from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "labourhub.api"
    label = "api"
