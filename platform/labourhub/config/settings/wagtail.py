from labourhub.config.env import env

WAGTAIL_SITE_NAME = "LabourHub"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Each ministry translates its LMI pages and indicator texts into its own languages
# (wagtail-localize); the URL carries the language (/es/...), see cms.urls_pages.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("vi", "Vietnamese"),
    ("si", "Sinhala"),
    ("ta", "Tamil"),
]
# Editors translate in the admin; no text is sent to an outside machine-translation service.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
