"""Sector checklists flag child labour: a construction inspection that finds a child at work
alerts the regional director in the bell at once; a Work Stoppage Order is issued from a case;
the itemised fine schedule suggests one per-day fine per violation."""

import datetime as dt
import subprocess
import tempfile
from decimal import Decimal

import pytest
from django.utils import timezone
from labourhub_ph import checklists, documents, fines, procedure
from labourhub_ph.hooks import SLUG

from labourhub.plugin_api import (
    ApplicationError,
    Role,
    StepInput,
    case_open,
    case_step,
    case_transition,
    fine_suggest,
)

D = dt.date.fromisoformat


def _pdftotext(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        out = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", pdf.name, "-"],
            capture_output=True,
            check=True,
        )
    return " ".join(out.stdout.decode("utf-8").split())


def test_every_sector_checklist_flags_its_child_labour_questions():
    sectors = {c.sector for c in checklists.CHECKLISTS if c.sector}
    assert {"construction", "contracting", "maritime", "fishing", "land_transport"} <= sectors
    codes = {c.code for c in checklists.CHECKLISTS}
    assert {"ph-general-labour-standards", "ph-osh", "ph-contracting"} <= codes
    for checklist in checklists.CHECKLISTS:
        flagged = [i for i in checklist.items if i.child_labour]
        assert flagged, checklist.code
        for item in checklist.items:
            assert item.legal_basis, (checklist.code, item.code)
    assert "DO 174-17" in " ".join(i.legal_basis for i in checklists.CONTRACTING.items)


def test_a_child_at_work_on_a_construction_site_alerts_the_regional_director_at_once(
    enable_plugin, ministry, in_ministry, user_with_role
):
    from labourhub.accounts.models import RoleGrant
    from labourhub.accounts.services import office_create
    from labourhub.inspections.models import Checklist, Inspection, InspectionAlert
    from labourhub.inspections.services import (
        answers_save,
        checklists_seed,
        inspection_assign,
        inspection_create,
        procedure_update,
        visit_start,
    )
    from labourhub.inspections.services.alert_routing import alert_routing_set
    from labourhub.registry.services import employer_create, establishment_create
    from labourhub.workflow.selectors import alert_unread_count

    enable_plugin(SLUG)
    region = office_create(code="R-VII", name="Regional Office VII", level="region", actor=None)
    field = office_create(
        code="CEBU", name="Cebu Field Office", level="district", parent=region, actor=None
    )
    far = office_create(code="R-XI", name="Regional Office XI", level="region", actor=None)
    supervisor = user_with_role(Role.SUPERVISOR, username="sup-cebu", office=field)
    inspector = user_with_role(Role.INSPECTOR, username="insp-cebu", office=field)
    admin = user_with_role(Role.SYSTEM_ADMIN, username="admin-ph", office=field)
    # Regional directors: a director's grant limited to their region.
    director = user_with_role(Role.DIRECTOR, username="rd-vii", office=field)
    RoleGrant.objects.filter(user=director).update(scope_office=region)
    other = user_with_role(Role.DIRECTOR, username="rd-xi", office=far)
    RoleGrant.objects.filter(user=other).update(scope_office=far)
    alert_routing_set(kind="child_labour", roles=[Role.DIRECTOR], actor=admin)

    checklists_seed(actor=None)
    construction = Checklist.objects.get(code="ph-construction")
    assert construction.sector == "construction"
    employer = employer_create(legal_name="Visayas Builders Corp.", tax_id="PH-1", actor=None)
    site = establishment_create(
        employer=employer, name="Tower site, Cebu City", office=field, isic_code="4100", actor=None
    )
    procedure_update(
        require_authorisation=False, authorising_roles=[], authorisation_valid_days=30, actor=None
    )
    inspection = inspection_create(
        establishment=site,
        origin=Inspection.Origin.PLANNED,
        checklist=construction,
        scheduled_for=timezone.localdate(),
        actor=supervisor,
    )
    inspection_assign(
        inspection=inspection,
        method="manual",
        assignee=inspector,
        reason="construction programme",
        expected_version=inspection.version,
        actor=supervisor,
    )
    inspection.refresh_from_db()
    inspection = visit_start(
        inspection=inspection,
        arrived_at=timezone.now(),
        persons_met="Site engineer",
        workers_interviewed_female=0,
        workers_interviewed_male=3,
        expected_version=inspection.version,
        actor=inspector,
    )
    assert alert_unread_count(user=director) == 0
    answers_save(
        inspection=inspection,
        values={"child_labour": "no"},
        expected_version=inspection.version,
        actor=inspector,
    )
    # Saved and committed with the answer: no task has to run first.
    alert = InspectionAlert.objects.get(inspection=inspection, kind="child_labour")
    assert alert.notified_user_ids == [director.pk]
    assert alert_unread_count(user=director) == 1
    assert alert_unread_count(user=other) == 0
    assert "Tower site, Cebu City" in alert.message


def test_a_work_stoppage_order_is_issued_from_the_case(
    enable_plugin, ministry, in_ministry, user_with_role
):
    from labourhub.documents.models import Document
    from labourhub.documents.services import document_pdf_bytes

    enable_plugin(SLUG)
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    director = user_with_role(Role.DIRECTOR)
    case = case_open(
        procedure=procedure.PROCEDURE,
        title="Visayas Builders Corp.: tower site",
        office=inspector.office,
        assigned_to=inspector,
        actor=supervisor,
    )
    authority = user_with_role(Role.AUTHORISING_OFFICIAL)
    case = case_transition(case=case, transition="authority_to_inspect", actor=authority)
    case = case_transition(case=case, transition="inspection", actor=inspector)
    before = Document.objects.count()
    # No danger described: refused, nothing issued, the case does not move.
    with pytest.raises(ApplicationError):
        case_step(
            case=case,
            transition=procedure.WORK_STOPPAGE_STEP,
            actor=director,
            data=StepInput(note="  "),
        )
    assert Document.objects.count() == before
    # An inspector may not stop work: only who decides sanctions.
    with pytest.raises(ApplicationError):
        case_step(
            case=case,
            transition=procedure.WORK_STOPPAGE_STEP,
            actor=inspector,
            data=StepInput(note="Scaffold on level 12 without guardrails"),
        )
    assert Document.objects.count() == before
    case = case_step(
        case=case,
        transition=procedure.WORK_STOPPAGE_STEP,
        actor=director,
        data=StepInput(note="Scaffold on level 12 without guardrails", choice="level 12"),
    )
    assert case.state == procedure.WORK_STOPPAGE_STEP
    order = Document.objects.get(kind=documents.WORK_STOPPAGE_ORDER)
    assert order.number.startswith("WSO-")
    text = _pdftotext(document_pdf_bytes(document=order))
    assert "Work Stoppage Order" in text and case.reference in text
    assert "Scaffold on level 12 without guardrails" in text
    assert "Department Order No. 198, series of 2018" in text and "Regional Director" in text


def test_the_authority_to_inspect_pdf_text_names_signatory_inspectors_and_validity(
    enable_plugin, in_ministry, user_with_role
):
    from labourhub.documents.services import document_pdf_bytes
    from labourhub.plugin_api import document_issue

    enable_plugin(SLUG)
    secretary = user_with_role(Role.AUTHORISING_OFFICIAL)
    secretary.first_name, secretary.last_name = "Bienvenido", "Laguesma"
    secretary.save(update_fields=["first_name", "last_name"])
    authority = document_issue(
        kind=documents.AUTHORITY_TO_INSPECT,
        officer=secretary,
        extra={
            "inspectors": "Maria Santos, Jose Reyes",
            "establishment": "Mindanao Fishing Ventures Inc.",
            "address": "General Santos City",
            "valid_until": "15 January 2027",
            "signatory_title": "Secretary of Labor and Employment",
        },
        actor=secretary,
    )
    text = _pdftotext(document_pdf_bytes(document=authority))
    assert "Bienvenido Laguesma" in text and "Secretary of Labor and Employment" in text
    assert "Maria Santos, Jose Reyes" in text
    assert "Mindanao Fishing Ventures Inc." in text
    assert "valid until 15 January 2027" in text


def test_each_osh_violation_gets_its_own_per_day_fine_and_restitution_stays_apart(
    enable_plugin, ministry, in_ministry
):
    enable_plugin(SLUG)
    day = D("2026-12-01")
    found = {
        cite: fine_suggest(tenant=ministry, provision=cite, on=day)
        for cite in (
            "RA 11058; DO 198-18: personal protective equipment",
            "RA 11058; DO 198-18: OSH program",
            "RA 11058; DO 198-18: maximum administrative fine; Work Stoppage Order",
        )
    }
    assert {c: s.provision for c, s in found.items() if s} == {
        "RA 11058; DO 198-18: personal protective equipment": "ph-ra11058-ppe",
        "RA 11058; DO 198-18: OSH program": "ph-ra11058-program",
        "RA 11058; DO 198-18: maximum administrative fine; Work Stoppage Order": fines.DANGER,
    }
    for suggestion in found.values():
        assert suggestion.currency == "PHP" and suggestion.maximum == Decimal(100000)
        assert suggestion.minimum <= suggestion.units <= suggestion.maximum
    # Only the verified ceiling for imminent danger is confirmed; itemised amounts are not.
    assert found["RA 11058; DO 198-18: OSH program"].confirmed is False
    assert (
        "to be confirmed by the ministry" in found["RA 11058; DO 198-18: OSH program"].legal_basis
    )
    assert fines.accrued_fine(
        daily=Decimal(40000), served_on=D("2026-12-01"), corrected_on=D("2026-12-03")
    ) == Decimal(120000)
    assert fines.restitution_due(
        shortfalls=[(Decimal("45.50"), 20), (Decimal("-3"), 5), (Decimal(10), -2)]
    ) == Decimal("910.00")


def test_every_checklist_question_names_its_provision_in_the_seeded_checklist(
    enable_plugin, in_ministry
):
    from labourhub.inspections.models import ChecklistQuestion
    from labourhub.inspections.services import checklists_seed

    enable_plugin(SLUG)
    checklists_seed(actor=None)
    flagged = ChecklistQuestion.objects.filter(
        section__version__checklist__code="ph-fishing", child_labour=True
    )
    assert {q.code for q in flagged} == {"child_labour", "no_minor_hazardous"}
    assert all(q.severity == "very_serious" for q in flagged)
