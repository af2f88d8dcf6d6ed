import pytest
from django.core.exceptions import ValidationError

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions import hookimpl
from labourhub.extensions.manager import register_plugin, unregister_plugin
from labourhub.registry.fields import ExtraField
from labourhub.registry.imports import import_batch_check, import_batch_create
from labourhub.registry.models import Establishment, EstablishmentMerge, HistoricalInspection
from labourhub.registry.selectors import (
    establishment_duplicate_candidates,
    establishment_history,
    establishment_search,
)
from labourhub.registry.services import (
    establishment_merge,
    establishment_merge_undo,
    establishment_update,
)
from tests.extensions.effects import effect_of


def names(page):
    return [e.name for e in page.items]


def test_misspelt_unaccented_query_finds_the_accented_name(make_establishment):
    make_establishment(name="Compañía Industrial Ñandú")
    make_establishment(name="Panadería La Estrella")
    for query in ("compania industrail nandu", "COMPANIA", "nandu", "Compañia Indústrial"):
        assert names(establishment_search(filters={"q": query})) == ["Compañía Industrial Ñandú"], (
            query
        )


def test_search_by_registration_number_and_tax_id(make_establishment):
    make_establishment(name="Uno", registration_number="HN-77", tax_id="0801-99")
    assert names(establishment_search(filters={"q": "HN-77"})) == ["Uno"]
    assert names(establishment_search(filters={"q": "0801-99"})) == ["Uno"]


def test_filters_and_keyset_pages_cover_everything_once(make_establishment, offices):
    region, _district = offices
    for i in range(7):
        make_establishment(
            name=f"Sitio {i}",
            isic_code="4711" if i % 2 else "0111",
            workers_male=300 if i == 3 else 2,
        )
    seen, cursor = [], ""
    while True:
        page = establishment_search(filters={"office": region.pk}, cursor=cursor, limit=3)
        seen += names(page)
        if not page.has_more:
            break
        cursor = page.next_cursor
    assert seen == [f"Sitio {i}" for i in range(7)]
    assert len(names(establishment_search(filters={"sector": "A"}))) == 4
    assert len(names(establishment_search(filters={"sector": "47"}))) == 3
    assert names(establishment_search(filters={"size_band": "large"})) == ["Sitio 3"]
    assert names(establishment_search(filters={"cursor": "garbage"}))  # ignored, not a crash
    assert len(establishment_search(filters={}, cursor="%%%garbage").items) == 7


def test_create_refuses_unknown_sector_and_too_many_minors(make_establishment):
    with pytest.raises(ValidationError) as exc:
        make_establishment(name="X", isic_code="9999", workers_male=1, workers_minors=3)
    assert set(exc.value.message_dict) == {"isic_code", "workers_minors"}
    assert Establishment.objects.count() == 0


def test_update_is_audited_with_a_diff(make_establishment):
    est = make_establishment(name="Viejo nombre")
    establishment_update(
        establishment=est, data={"name": "Nuevo nombre", "status": "closed"}, actor=None
    )
    event = establishment_history(establishment=est).first()
    assert event.action == "establishment.updated"
    assert event.changes["name"] == ["Viejo nombre", "Nuevo nombre"]


def test_duplicates_are_found_by_fuzzy_name_and_by_tax_id(make_establishment):
    a = make_establishment(name="Compañía Industrial Ñandú", address="Calle 5, Tegucigalpa")
    b = make_establishment(name="Compania Industrial Nandu S.A.", address="Calle 5 Tegucigalpa")
    make_establishment(name="Panadería Lupita")
    found = establishment_duplicate_candidates(establishment=a)
    assert [c.establishment for c in found] == [b]
    assert "address" in found[0].reasons


def test_merge_moves_history_fills_gaps_and_can_be_undone(make_establishment):
    survivor = make_establishment(name="Ñandú S.A.", address="")
    duplicate = make_establishment(name="Nandu SA", address="Calle 9", locality="Comayagüela")
    hist = HistoricalInspection.objects.create(
        establishment=duplicate, inspected_on="2015-01-01", outcome="order", source_reference="A-1"
    )
    merge = establishment_merge(
        survivor=survivor, duplicate=duplicate, reason="same site", actor=None
    )
    hist.refresh_from_db()
    survivor.refresh_from_db()
    duplicate.refresh_from_db()
    assert hist.establishment_id == survivor.pk
    assert (survivor.address, survivor.locality) == ("Calle 9", "Comayagüela")
    assert duplicate.status == Establishment.Status.MERGED
    assert duplicate.merged_into_id == survivor.pk
    assert AuditEvent.objects.filter(action="establishment.merged").count() == 1
    assert establishment_search(filters={"q": "Nandu SA"}).items == [survivor]
    with pytest.raises(ApplicationError):
        establishment_merge(survivor=survivor, duplicate=duplicate, actor=None)

    establishment_merge_undo(merge=merge, actor=None)
    hist.refresh_from_db()
    survivor.refresh_from_db()
    duplicate.refresh_from_db()
    assert hist.establishment_id == duplicate.pk
    assert (survivor.address, survivor.locality) == ("", "")
    assert duplicate.status == Establishment.Status.ACTIVE and duplicate.merged_into is None
    assert EstablishmentMerge.objects.get().undone_at is not None
    assert AuditEvent.objects.filter(action="establishment.merge_undone").count() == 1
    with pytest.raises(ApplicationError):
        establishment_merge_undo(merge=merge, actor=None)


def test_merge_into_itself_is_refused(make_establishment):
    est = make_establishment()
    with pytest.raises(ApplicationError):
        establishment_merge(survivor=est, duplicate=est, actor=None)


class CedulaPlugin:
    @hookimpl
    def register_establishment_fields(self, tenant):
        return [
            ExtraField(
                key="patronal",
                label="Número patronal",
                required=True,
                pattern=r"\d{6}",
                unique_id=True,
            )
        ]


@pytest.fixture
def cedula_plugin(ministry):
    from tenants.models import PluginActivation

    register_plugin(CedulaPlugin(), "xx_cedula")
    PluginActivation.objects.create(ministry=ministry, plugin_slug="xx_cedula")
    try:
        yield
    finally:
        unregister_plugin("xx_cedula")


@effect_of("register_establishment_fields")
def test_plugin_fields_are_validated_and_stored(cedula_plugin, make_establishment, offices):
    with pytest.raises(ValidationError) as exc:
        make_establishment(name="Sin número")
    assert "extra.patronal" in exc.value.message_dict
    with pytest.raises(ValidationError):
        make_establishment(name="Mal número", extra={"patronal": "12"})
    with pytest.raises(ValidationError):
        make_establishment(name="Campo raro", extra={"patronal": "123456", "nope": 1})
    est = make_establishment(name="Bien", extra={"patronal": "123456"})
    assert est.extra == {"patronal": "123456"}
    other = make_establishment(name="Totalmente distinto", extra={"patronal": "123456"})
    assert [c.establishment for c in establishment_duplicate_candidates(establishment=other)] == [
        est
    ]


def test_plugin_fields_are_import_columns(cedula_plugin, offices):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = (
        b"registration_number,name,employer_name,office,isic_code,patronal\n"
        b"P-1,Uno,Uno SA,D-TGU,1071,123456\nP-2,Dos,Dos SA,D-TGU,1071,12\n"
    )
    batch = import_batch_create(
        kind="establishments", actor=None, upload=SimpleUploadedFile("p.csv", content)
    )
    batch = import_batch_check(batch_id=batch.pk)
    assert list(batch.row_errors.values_list("row_number", "code")) == [(3, "extra")]


def test_plugin_not_enabled_for_the_ministry_contributes_nothing(ministry, make_establishment):
    register_plugin(CedulaPlugin(), "xx_cedula")
    try:
        est = make_establishment(name="Sin plugin")
        assert est.extra == {}
    finally:
        unregister_plugin("xx_cedula")


def test_contractor_links_are_audited_and_never_point_to_self(make_establishment):
    from labourhub.registry.services import employer_create, employer_link_create

    principal = employer_create(legal_name="Minera Grande S.A.", actor=None)
    contractor = employer_create(legal_name="Servicios Pequeños", actor=None)
    link = employer_link_create(
        principal=principal, partner=contractor, kind="subcontractor", actor=None
    )
    assert list(principal.partner_links.all()) == [link]
    assert AuditEvent.objects.filter(action="employer.linked").count() == 1
    with pytest.raises(ValidationError):
        employer_link_create(principal=principal, partner=principal, kind="supplier", actor=None)
