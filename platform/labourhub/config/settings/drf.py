REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "labourhub.api.authentication.ExpiringTokenAuthentication",
        "labourhub.interop.oauth.PartnerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # R16: deny by default; public endpoints opt out explicitly.
    "DEFAULT_PERMISSION_CLASSES": ["labourhub.api.permissions.IsMinistryStaff"],
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "DEFAULT_PAGINATION_CLASS": "labourhub.api.pagination.DefaultPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "labourhub.api.exception_handlers.exception_handler",
    # Only partner clients are throttled (per client); staff use is bounded by their numbers.
    "DEFAULT_THROTTLE_CLASSES": ["labourhub.interop.oauth.PartnerRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "labourhub.api.schema.LabourHubAutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "LabourHub API",
    "DESCRIPTION": "Labour-inspection case management API of one ministry (tenant).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Served from this server, never a CDN: ministries sit behind slow or filtered links.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
