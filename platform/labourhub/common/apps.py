from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "labourhub.common"
    label = "common"

    def ready(self) -> None:
        # Connects the Celery handlers that put each task on its ministry's clock and language.
        from labourhub.common import localtime  # noqa: F401
