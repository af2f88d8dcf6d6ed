from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Carries the `seed_demo`, `registry_generate` and `inspections_bench` commands; no models."""

    name = "devtools"
    label = "devtools"
    verbose_name = "Development data"
