from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "labourhub.common"
    label = "common"
