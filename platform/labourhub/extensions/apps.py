from django.apps import AppConfig


class ExtensionsConfig(AppConfig):
    name = "labourhub.extensions"
    label = "extensions"
