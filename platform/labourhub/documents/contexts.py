"""Context providers: the only code that turns records into the plain data templates see.

Apps register a provider per model (``register_subject_provider("inspections.case", fn)``); the
function receives the record and returns a partial context (``subject``, ``case``,
``establishment``, ``findings``, ...), merged over empty defaults so every template can name
every field even when a record has nothing to put there.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import Office, User
from labourhub.accounts.titles import role_title

SubjectProvider = Callable[[Any], dict[str, Any]]


@dataclass(frozen=True)
class SubjectKind:
    label: str  # "accounts.office"
    verbose_name: Any
    provider: SubjectProvider


_SUBJECTS: dict[str, SubjectKind] = {}


def register_subject_provider(label: str, provider: SubjectProvider, verbose_name: Any) -> None:
    """Let documents be made about records of model ``label`` ("app_label.model")."""
    _SUBJECTS[label.lower()] = SubjectKind(label.lower(), verbose_name, provider)


def subject_kinds() -> list[SubjectKind]:
    return sorted(_SUBJECTS.values(), key=lambda s: s.label)


def subject_kind(label: str) -> SubjectKind | None:
    return _SUBJECTS.get(label.lower())


def empty_context() -> dict[str, Any]:
    return {
        "ministry": {"name": "", "country": "", "country_name": "", "languages": []},
        "office": {"name": "", "code": "", "region": ""},
        "officer": {"full_name": "", "username": "", "role": "", "office": ""},
        "subject": {"type": "", "id": "", "label": ""},
        "case": {"reference": "", "opened_on": "", "description": ""},
        "establishment": {
            "name": "",
            "address": "",
            "registration_number": "",
            "sector": "",
            "workers": 0,
        },
        "findings": [],
        "document": {"number": "", "date": "", "kind": "", "verification_url": ""},
        "extra": {},
    }


KNOWN_NAMES = frozenset(empty_context())


def ministry_context_data() -> dict[str, Any]:
    tenant = getattr(connection, "tenant", None)
    country = getattr(tenant, "country", "")
    return {
        "name": str(getattr(tenant, "name", "")),
        "country": str(getattr(country, "code", country) or ""),
        "country_name": str(getattr(country, "name", "") or ""),
        "languages": list(getattr(tenant, "languages", []) or []),
    }


def office_context_data(office: Office | None) -> dict[str, Any]:
    if office is None:
        return empty_context()["office"]  # type: ignore[no-any-return]
    region = office.parent.name if office.parent_id and office.parent else ""
    return {"name": office.name, "code": office.code, "region": region}


def officer_context_data(user: User | None) -> dict[str, Any]:
    if user is None:
        return empty_context()["officer"]  # type: ignore[no-any-return]
    roles = [role_title(r) for r in user.role_grants.values_list("role", flat=True)]
    return {
        "full_name": user.get_full_name() or user.get_username(),
        "username": user.get_username(),
        "role": ", ".join(roles),
        "office": user.office.name if user.office_id and user.office else "",
    }


def subject_context_data(subject: models.Model | None) -> dict[str, Any]:
    if subject is None:
        return {}
    label = subject._meta.label_lower
    base = {
        "subject": {
            "type": str(subject._meta.verbose_name),
            "id": str(subject.pk),
            "label": str(subject),
        }
    }
    kind = _SUBJECTS.get(label)
    if kind is None:
        return base
    data = kind.provider(subject)
    data["subject"] = {**base["subject"], **data.get("subject", {})}
    return data


def build_context(
    *,
    subject: models.Model | None,
    officer: User | None,
    office: Office | None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    ctx = empty_context()
    ctx["ministry"] = ministry_context_data()
    ctx["officer"] = officer_context_data(officer)
    ctx["office"] = office_context_data(office or (officer.office if officer else None))
    for key, value in subject_context_data(subject).items():
        if key in ctx and isinstance(ctx[key], dict) and isinstance(value, dict):
            ctx[key] = {**ctx[key], **value}
        elif key in KNOWN_NAMES:
            ctx[key] = value
    ctx["extra"] = dict(extra or {})
    return ctx


def sample_context() -> dict[str, Any]:
    """Realistic-looking data used to check a template at save time."""
    ctx = empty_context()
    ctx["ministry"] = ministry_context_data() | {"name": "Ministry of Labour"}
    ctx["office"] = {"name": "Central district office", "code": "C-01", "region": "Central"}
    ctx["officer"] = {
        "full_name": "A. Inspector",
        "username": "inspector",
        "role": "Inspector",
        "office": "Central district office",
    }
    ctx["subject"] = {"type": "case", "id": "1", "label": "Case 2026-0001"}
    ctx["case"] = {
        "reference": "2026-0001",
        "opened_on": "2026-01-15",
        "description": "Routine inspection",
    }
    ctx["establishment"] = {
        "name": "Example Textiles Ltd",
        "address": "12 Main Street",
        "registration_number": "REG-123",
        "sector": "C13",
        "workers": 85,
    }
    ctx["findings"] = [
        {"provision": "Art. 45", "description": "Overtime not paid", "deadline": "2026-02-15"},
        {"provision": "Art. 12", "description": "No first-aid kit", "deadline": "2026-01-30"},
    ]
    ctx["document"] = {
        "number": "XX-2026-000001",
        "date": date(2026, 1, 20).isoformat(),
        "kind": "",
        "verification_url": "https://example.org/verify/CODE/",
    }
    return ctx


def _office_subject(office: Office) -> dict[str, Any]:
    return {"subject": {"label": office.name}, "office": office_context_data(office)}


def _user_subject(user: User) -> dict[str, Any]:
    return {"subject": {"label": user.get_full_name() or user.get_username()}}


def _establishment_subject(est: Any) -> dict[str, Any]:
    def field(name: str, default: Any = "") -> Any:
        value = getattr(est, name, default)
        return default if value is None else value

    return {
        "establishment": {
            "name": str(field("name")),
            "address": str(field("address")),
            "registration_number": str(field("registration_number") or field("code")),
            "sector": str(field("isic_code") or field("sector")),
            "workers": int(field("workers_female", 0)) + int(field("workers_male", 0)),
        },
        "office": office_context_data(getattr(est, "office", None)),
    }


def register_core_providers() -> None:
    register_subject_provider("accounts.office", _office_subject, _("Office"))
    register_subject_provider("accounts.user", _user_subject, _("Staff member"))
    # The registry app (issue 4) may not be installed yet; when it is, establishments become
    # document subjects without further changes here.
    if apps.is_installed("labourhub.registry"):
        try:
            apps.get_model("registry", "Establishment")
        except LookupError:
            return
        register_subject_provider(
            "registry.establishment", _establishment_subject, _("Establishment")
        )
