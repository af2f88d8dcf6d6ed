"""What each kind of import accepts, and the column mapping suggested for a file."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from labourhub.registry.fields import ExtraField, extra_fields
from labourhub.registry.models import (
    ImportKind,
)


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str | Promise
    required: bool = False
    max_length: int = 0
    aliases: tuple[str, ...] = ()
    extra: ExtraField | None = None


ESTABLISHMENT_FIELDS = [
    ImportField(
        "registration_number",
        gettext_lazy("Registration number"),
        True,
        64,
        ("registration", "reg_no", "numero_registro", "registro"),
    ),
    ImportField(
        "name", gettext_lazy("Establishment name"), True, 300, ("establishment", "nombre", "site")
    ),
    ImportField(
        "employer_name",
        gettext_lazy("Employer legal name"),
        True,
        300,
        ("employer", "razon_social", "empleador", "company"),
    ),
    ImportField(
        "employer_tax_id",
        gettext_lazy("Employer tax id"),
        False,
        64,
        ("tax_id", "nit", "ruc", "rtn", "tin"),
    ),
    ImportField("address", gettext_lazy("Address"), False, 500, ("direccion",)),
    ImportField("locality", gettext_lazy("Locality"), False, 200, ("city", "municipio", "ciudad")),
    ImportField(
        "office",
        gettext_lazy("Office (code or name)"),
        True,
        200,
        ("office_code", "region", "oficina", "district"),
    ),
    ImportField("isic_code", gettext_lazy("ISIC Rev.4 class"), True, 8, ("isic", "ciiu", "sector")),
    ImportField(
        "workers_female", gettext_lazy("Women workers"), False, 0, ("women", "mujeres", "female")
    ),
    ImportField("workers_male", gettext_lazy("Men workers"), False, 0, ("men", "hombres", "male")),
    ImportField(
        "workers_minors", gettext_lazy("Workers under 18"), False, 0, ("minors", "menores")
    ),
    ImportField("size_band", gettext_lazy("Size band"), False, 16, ("size", "tamano")),
    ImportField("status", gettext_lazy("Status"), False, 16, ("estado",)),
    ImportField("risk_level", gettext_lazy("Risk"), False, 16, ("risk", "riesgo")),
    ImportField("opened_on", gettext_lazy("Opened on"), False, 0, ("opened", "fecha_apertura")),
    ImportField("latitude", gettext_lazy("Latitude"), False, 0, ("lat", "latitud")),
    ImportField("longitude", gettext_lazy("Longitude"), False, 0, ("lon", "lng", "longitud")),
]
INSPECTION_FIELDS = [
    ImportField(
        "source_reference",
        gettext_lazy("Archive reference"),
        True,
        120,
        ("reference", "ref", "expediente", "file_number"),
    ),
    ImportField(
        "registration_number",
        gettext_lazy("Establishment registration number"),
        True,
        64,
        ("establishment", "registro"),
    ),
    ImportField("inspected_on", gettext_lazy("Inspection date"), True, 0, ("date", "fecha")),
    ImportField(
        "inspector_name", gettext_lazy("Inspector"), False, 200, ("inspector", "inspector_name")
    ),
    ImportField(
        "findings_summary", gettext_lazy("Findings"), False, 5000, ("findings", "hallazgos")
    ),
    ImportField("outcome", gettext_lazy("Outcome"), True, 40, ("result", "resultado")),
]


def import_fields(kind: str) -> list[ImportField]:
    if kind == ImportKind.INSPECTIONS:
        return INSPECTION_FIELDS
    plugin = [
        ImportField(f"extra:{f.key}", f.label, f.required, f.max_length, (f.key,), extra=f)
        for f in extra_fields()
    ]
    return ESTABLISHMENT_FIELDS + plugin


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def suggest_columns(*, kind: str, headers: list[str]) -> dict[str, str]:
    """Guess 'field -> header' by key, alias or (translated) label; the user confirms."""
    by_slug = {_slug(h): h for h in headers if h}
    mapping: dict[str, str] = {}
    for f in import_fields(kind):
        for candidate in (f.key.removeprefix("extra:"), str(f.label), *f.aliases):
            header = by_slug.get(_slug(candidate))
            if header is not None:
                mapping[f.key] = header
                break
    return mapping
