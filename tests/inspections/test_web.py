import pytest
from django.utils import translation

from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent
from labourhub.inspections.models import ChecklistVersion, Inspection
from labourhub.inspections.services import answers_save, checklist_question_add
from labourhub.inspections.services._common import CONFLICT
from tests.inspections.conftest import build_world, started_inspection


def es(message, **params):
    with translation.override("es"):
        return translation.gettext(message) % params


@pytest.fixture
def inspector_client(world, ministry, client_for):
    client = client_for(ministry)
    client.force_login(world.inspectors[0])
    return client


def test_pages_render_with_helpful_empty_states(world, ministry, client_for):
    client = client_for(ministry)
    client.force_login(world.supervisor)
    for url in [
        "/app/inspections/",
        "/app/inspections/mine/",
        "/app/inspections/team/",
        "/app/inspections/campaigns/",
        "/app/inspections/checklists/",
        f"/app/inspections/establishments/{world.establishment.pk}/history/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(f"/app/inspections/establishments/{world.establishment.pk}/history/")
    assert (
        es("This establishment has never been inspected in this system.") in page.content.decode()
    )


def test_my_inspections_lists_todays_work(world, inspector_client):
    inspection = started_inspection(world)
    page = inspector_client.get("/app/inspections/mine/").content.decode()
    assert inspection.reference in page


def test_section_form_saves_draft_and_shows_conflict_without_losing_input(world, inspector_client):
    inspection = started_inspection(world)
    url = f"/app/inspections/{inspection.pk}/visit/1/"
    page = inspector_client.get(url)
    assert page.status_code == 200
    seen = inspection.version
    response = inspector_client.post(
        url, {"version": seen, "contracts-written": "yes", "workers-present": "12", "save": "1"}
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.answers.get(question__code="workers-present").value == "12"
    # A second person (same stale version) saves: a clear conflict, their input kept on screen.
    response = inspector_client.post(
        url, {"version": seen, "contracts-written": "no", "workers-present": "99", "save": "1"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    current = Inspection.objects.get(pk=inspection.pk).version
    assert es(CONFLICT, yours=seen, current=current).split("(")[0] in html
    assert 'value="99"' in html
    assert inspection.answers.get(question__code="workers-present").value == "12"


def test_bad_number_is_refused_in_place(world, inspector_client):
    inspection = started_inspection(world)
    url = f"/app/inspections/{inspection.pk}/visit/1/"
    response = inspector_client.post(
        url, {"version": inspection.version, "workers-present": "many", "save": "1"}
    )
    assert response.status_code == 400
    assert inspection.answers.count() == 0


def test_admin_adds_question_and_publishes_v2_completed_keep_v1(world, ministry, client_for):
    done = started_inspection(world)
    answers_save(
        inspection=done,
        expected_version=done.version,
        actor=world.inspectors[0],
        values={
            "contracts-written": "yes",
            "payroll-kept": "yes",
            "workers-present": "5",
            "minimum-wage": "yes",
        },
    )
    done.refresh_from_db()
    Inspection.objects.filter(pk=done.pk).update(status="completed")  # minutes tested elsewhere
    v1 = done.checklist_version
    admin = client_for(ministry)
    admin.force_login(world.admin)
    base = f"/app/inspections/checklists/{world.general.pk}/"
    assert admin.post(base + "draft/").status_code == 302
    draft = ChecklistVersion.objects.get(checklist=world.general, status="draft")
    section = draft.sections.order_by("order").first()
    response = admin.post(
        base + "question/",
        {
            "section": section.pk,
            "code": "overtime-paid",
            "text": "Is overtime paid at 150%?",
            "kind": "yes_no_na",
            "noncompliant_value": "no",
            "legal_article": "Art. 6",
            "legal_instrument": "Código del Trabajo",
            "legal_version": "2024",
            "severity": "serious",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # Hostile input: duplicate code and inverted penalty range are refused, nothing added.
    response = admin.post(
        base + "question/",
        {
            "section": section.pk,
            "code": "overtime-paid",
            "text": "dup",
            "kind": "yes_no_na",
            "severity": "serious",
            "penalty_min": "10",
            "penalty_max": "1",
        },
    )
    assert response.status_code == 400
    assert draft.sections.first().questions.filter(code="overtime-paid").count() == 1
    assert admin.post(base + "publish/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published" and draft.number == 2
    new = world.new_inspection()
    assert new.checklist_version == draft
    done.refresh_from_db()
    assert done.checklist_version == v1
    page = admin.get(f"/app/inspections/{done.pk}/").content.decode()
    assert 'id="checklist-version"' in page and "Is overtime paid" not in page
    assert AuditEvent.objects.filter(action="checklist.published").exists()


def test_published_version_cannot_be_edited(world):
    from labourhub.common.exceptions import ApplicationError

    version = world.general.versions.get(number=1)
    with pytest.raises(ApplicationError):
        checklist_question_add(
            section=version.sections.first(),
            data={"code": "x", "text": "x", "kind": "text"},
            actor=None,
        )


def test_inspector_cannot_manage_checklists_or_see_others_inspections(world, ministry, client_for):
    other = started_inspection(world, inspector=world.inspectors[1])
    client = client_for(ministry)
    client.force_login(world.inspectors[0])
    assert client.post(f"/app/inspections/checklists/{world.general.pk}/draft/").status_code == 403
    assert client.get(f"/app/inspections/{other.pk}/").status_code == 403
    assert client.post(f"/app/inspections/{other.pk}/visit/1/", {"version": 1}).status_code == 403


def test_other_ministry_cannot_reach_inspection_pages(
    world, in_ministry, second_ministry, client_for, user_with_role
):
    inspection = started_inspection(world)
    evidence_url = f"/app/inspections/{inspection.pk}/"
    from tenants.context import ministry_context

    with ministry_context(second_ministry):
        outsider = build_world(user_with_role).admin
        client = client_for(second_ministry)
        client.force_login(outsider)
        assert client.get(evidence_url).status_code == 404
        assert client.get(f"/app/inspections/{inspection.pk}/pack/").status_code == 404
        listing = client.get("/app/inspections/").content.decode()
        assert inspection.reference not in listing
    # The test ministry's session does not open the other ministry either.
    mine = client_for(second_ministry)
    mine.force_login(world.supervisor)
    assert mine.get("/app/inspections/").status_code in (302, 403)


def test_supervisor_sees_team_and_completed(world, ministry, client_for):
    inspection = started_inspection(world)
    Inspection.objects.filter(pk=inspection.pk).update(status="completed")
    client = client_for(ministry)
    client.force_login(world.supervisor)
    page = client.get("/app/inspections/team/").content.decode()
    assert world.inspectors[0].username in page and inspection.reference in page


def test_role_without_assignment_cannot_open_team_page(world, ministry, client_for, user_with_role):
    clerk = user_with_role(Role.CLERK, office=world.district)
    client = client_for(ministry)
    client.force_login(clerk)
    assert client.get("/app/inspections/team/").status_code == 403


def test_planned_inspection_detail_offers_the_next_step(world, ministry, client_for):
    inspection = world.new_inspection()
    client = client_for(ministry)
    client.force_login(world.minister)
    page = client.get(f"/app/inspections/{inspection.pk}/")
    assert page.status_code == 200
    assert 'id="authorise"' in page.content.decode()
    client.force_login(world.supervisor)
    page = client.get(f"/app/inspections/{inspection.pk}/").content.decode()
    assert 'id="assign"' in page and 'id="authorise"' not in page
    pack = client.get(f"/app/inspections/{inspection.pk}/pack/").content.decode()
    assert inspection.reference in pack and world.establishment.name in pack
    assert "C131" in pack  # the checklist's provisions are printed for the visit


def test_supervisor_reads_but_does_not_fill_the_visit(world, ministry, client_for):
    inspection = started_inspection(world)
    client = client_for(ministry)
    client.force_login(world.supervisor)
    assert client.get(f"/app/inspections/{inspection.pk}/").status_code == 200
    response = client.post(
        f"/app/inspections/{inspection.pk}/visit/1/",
        {"version": inspection.version, "contracts-written": "yes"},
    )
    assert response.status_code == 403
    assert inspection.answers.count() == 0
