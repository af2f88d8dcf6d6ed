"""Peru's monthly payroll declaration (PLAME / T-Registro) through the connector hook."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from labourhub_pe.hooks import SLUG
from labourhub_pe.payroll import parse_plame

from labourhub.accounts.models import Office
from labourhub.plugin_api import DeclaredWorkerRow, Role, RowProblem
from labourhub.registry.services import employer_create, establishment_create

NAME = "0601202610" + "20123456789" + ".tra"


def _plame(count, establishment="20123456789-0001"):
    contracts = ["01", "02", "03", "09", "13"]
    lines = []
    for n in range(count):
        sex = "2" if n % 2 == 0 else "1"
        born = "15/06/2009" if n % 10 == 0 else f"15/06/{1965 + n % 35}"
        lines.append(
            f"01|{40000000 + n}|Quispe|Mamani|Rosa {n}|{born}|{sex}|{contracts[n % 5]}|"
            f"1130.00|{establishment}|"
        )
    return ("\n".join(lines) + "\n").encode()


def test_the_parser_maps_sunat_codes_to_the_core_s_kinds():
    rows = list(parse_plame(_plame(5).decode(), NAME))
    assert all(isinstance(r, DeclaredWorkerRow) for r in rows)
    first = rows[0]
    assert (first.id_type, first.sex, first.contract_type, first.period) == (
        "DNI",
        "F",
        "permanent",
        "2026-10",
    )
    assert first.full_name == "Rosa 0 Quispe Mamani" and first.age_band == "under_18"
    assert [r.contract_type for r in rows] == [
        "permanent",
        "part_time",
        "fixed_term",
        "fixed_term",
        "other",
    ]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("05|123|A|B|C|01/01/1990|1|01|10.00|E-1|", "id_type"),
        ("01|123|A|B|C|31/02/1990|1|01|10.00|E-1|", "birth_date"),
        ("01|123|A|B|C|01/01/1990|3|01|10.00|E-1|", "sex"),
        ("01|123|A|B|C|01/01/1990|1|77|10.00|E-1|", "contract_type"),
        ("01|123|A|B|C|01/01/1990|1|01|diez|E-1|", "wage"),
        ("01|123|=A1|B|C|01/01/1990|1|01|10.00|E-1|", "name"),
        ("01|123|A|B|C|01/01/1990|1|01|10.00|", ""),
    ],
)
def test_bad_records_are_named_with_their_field(line, field):
    (problem,) = parse_plame(line + "\n", NAME)
    assert isinstance(problem, RowProblem) and problem.field == field and problem.line == 1


def test_a_file_not_named_like_sunat_s_is_refused():
    (problem,) = parse_plame("01|1|A|B|C|01/01/1990|1|01|1|E|\n", "planilla.txt")
    assert isinstance(problem, RowProblem) and "0601AAAAMM" in problem.message


@pytest.mark.hook_effect("register_connector_kinds")
def test_a_plame_file_loads_declared_workers_where_the_pack_is_active(
    ministry, in_ministry, enable_plugin, user_with_role, django_capture_on_commit_callbacks
):
    from labourhub.connectors.models import DeclaredWorker
    from labourhub.connectors.selectors import connector_kinds
    from labourhub.connectors.services import (
        connector_file_drop,
        connector_run_start,
        connector_source_create,
    )

    assert "pe-plame" not in connector_kinds()
    enable_plugin(SLUG)
    assert "pe-plame" in connector_kinds()
    admin = user_with_role(Role.SYSTEM_ADMIN, username="peadmin")
    employer = employer_create(legal_name="Minera Andina S.A.", tax_id="", actor=None)
    site = establishment_create(
        employer=employer,
        name="Planta Callao",
        office=Office.objects.get(code="T-DIS"),
        isic_code="1071",
        registration_number="20123456789-0001",
        actor=None,
    )
    source = connector_source_create(
        name="SUNAT PLAME", kind="pe-plame", transport="drop", actor=admin
    )
    stored = connector_file_drop(
        source=source, upload=SimpleUploadedFile(NAME, _plame(40)), actor=admin
    )
    assert stored == NAME
    with django_capture_on_commit_callbacks(execute=True):
        run = connector_run_start(source=source, file_name=stored, actor=admin)
    run.refresh_from_db()
    assert run.status == "done" and run.created_count == 40
    assert DeclaredWorker.objects.filter(establishment=site, period="2026-10").count() == 40
    site.refresh_from_db()
    assert (site.workers_female, site.workers_male, site.workers_minors) == (20, 20, 4)
