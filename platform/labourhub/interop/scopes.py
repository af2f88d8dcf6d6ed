"""Partner scopes: what a partner system's token may read or write, per kind of data."""

from django.utils.translation import gettext_lazy as _

SCOPES: dict[str, object] = {
    "cases:read": _("Read cases"),
    "establishments:read": _("Read establishments"),
    "inspections:read": _("Read inspections"),
    "complaints:write": _("File complaints"),
    "indicators:read": _("Read indicators and reports"),
}

# The scope a partner needs before events of a kind (audit code prefix) may be sent to it;
# kinds outside this map never leave the ministry.
EVENT_SCOPES: dict[str, str] = {
    "case.": "cases:read",
    "establishment.": "establishments:read",
    "inspection.": "inspections:read",
    "campaign.": "inspections:read",
}


def event_scope(code: str) -> str | None:
    """The scope events of kind ``code`` need, or ``None`` if they are never published."""
    for prefix, scope in EVENT_SCOPES.items():
        if code.startswith(prefix):
            return scope
    return None


def scope_labels() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in SCOPES.items()]
