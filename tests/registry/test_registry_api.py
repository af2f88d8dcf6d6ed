from django.core.files.uploadedfile import SimpleUploadedFile

from labourhub.accounts.roles import Role
from labourhub.registry.models import Establishment, ImportBatch
from tenants.context import ministry_context

CSV = (
    "registration_number,name,employer_name,office,isic_code\n"
    "A-1,Compañía Industrial Ñandú,Ñandú SA,D-TGU,1071\n"
    "A-2,Mala,Mala SA,D-TGU,12345\n"
).encode()


def test_list_search_and_detail(ministry, user_with_role, api_client_for, make_establishment):
    est = make_establishment(name="Compañía Industrial Ñandú")
    api = api_client_for(ministry, user_with_role(Role.INSPECTOR))
    res = api.get("/api/v1/registry/establishments/", {"q": "compania industrail nandu"})
    assert res.status_code == 200
    assert [r["id"] for r in res.json()["results"]] == [est.pk]
    res = api.get(f"/api/v1/registry/establishments/{est.pk}/")
    assert res.json()["employer"]["legal_name"] == "Compañía Industrial Ñandú S.A."


def test_hostile_filters_are_refused_with_field_errors(ministry, user_with_role, api_client_for):
    api = api_client_for(ministry, user_with_role(Role.INSPECTOR))
    res = api.get("/api/v1/registry/establishments/", {"sector": "'; drop table", "office": "x"})
    assert res.status_code == 400
    assert set(res.json()["extra"]["fields"]) == {"sector", "office"}


def test_create_validates_and_respects_office_scope(
    ministry, user_with_role, api_client_for, offices
):
    _region, district = offices
    clerk = user_with_role(Role.CLERK, office=district)
    api = api_client_for(ministry, clerk)
    bad = api.post(
        "/api/v1/registry/establishments/create/",
        {
            "name": "X",
            "office": "D-TGU",
            "isic_code": "9999",
            "employer_legal_name": "X SA",
            "workers_male": 1,
            "workers_minors": 2,
        },
        format="json",
    )
    assert bad.status_code == 400
    assert {"isic_code", "workers_minors"} <= set(bad.json()["extra"]["fields"])
    assert Establishment.objects.count() == 0
    ok = api.post(
        "/api/v1/registry/establishments/create/",
        {
            "name": "Taller",
            "office": "D-TGU",
            "isic_code": "4520",
            "employer_legal_name": "Taller SA",
            "workers_female": 3,
        },
        format="json",
    )
    assert ok.status_code == 201, ok.json()
    assert ok.json()["size_band"] == "micro"
    inspector = user_with_role(Role.INSPECTOR)  # office T-DIS, not D-TGU
    res = api_client_for(ministry, inspector).post(
        f"/api/v1/registry/establishments/{ok.json()['id']}/update/",
        {"name": "Hijacked"},
        format="json",
    )
    assert res.status_code == 403


def test_import_flow_over_the_api(
    ministry, user_with_role, api_client_for, offices, django_capture_on_commit_callbacks
):
    api = api_client_for(ministry, user_with_role(Role.CLERK))
    res = api.post(
        "/api/v1/registry/imports/",
        {"kind": "establishments", "file": SimpleUploadedFile("a.csv", CSV)},
        format="multipart",
    )
    assert res.status_code == 201, res.json()
    batch_id = res.json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            api.post(f"/api/v1/registry/imports/{batch_id}/check/", {}, format="json").status_code
            == 202
        )
    detail = api.get(f"/api/v1/registry/imports/{batch_id}/").json()
    assert (detail["status"], detail["valid_rows"], detail["error_rows"]) == ("checked", 1, 1)
    errors = api.get(f"/api/v1/registry/imports/{batch_id}/errors/").json()["results"]
    assert [(e["row_number"], e["code"]) for e in errors] == [(3, "sector")]
    with django_capture_on_commit_callbacks(execute=True):
        api.post(f"/api/v1/registry/imports/{batch_id}/run/", {}, format="json")
    assert ImportBatch.objects.get(pk=batch_id).created_rows == 1
    assert (
        api.post(f"/api/v1/registry/imports/{batch_id}/run/", {}, format="json").status_code == 409
    )


def test_inspectors_cannot_import_or_merge(
    ministry, user_with_role, api_client_for, make_establishment
):
    a, b = make_establishment(name="A"), make_establishment(name="B")
    api = api_client_for(ministry, user_with_role(Role.INSPECTOR))
    assert (
        api.post(
            "/api/v1/registry/imports/",
            {"kind": "establishments", "file": SimpleUploadedFile("a.csv", CSV)},
            format="multipart",
        ).status_code
        == 403
    )
    assert (
        api.post(
            f"/api/v1/registry/establishments/{a.pk}/merge/", {"duplicate_id": b.pk}, format="json"
        ).status_code
        == 403
    )


def test_merge_and_undo_over_the_api(ministry, user_with_role, api_client_for, make_establishment):
    a, b = make_establishment(name="Ñandú"), make_establishment(name="Nandu")
    api = api_client_for(ministry, user_with_role(Role.OFFICE_HEAD))
    res = api.post(
        f"/api/v1/registry/establishments/{a.pk}/merge/", {"duplicate_id": b.pk}, format="json"
    )
    assert res.status_code == 200
    again = api.post(
        f"/api/v1/registry/establishments/{a.pk}/merge/", {"duplicate_id": b.pk}, format="json"
    )
    assert again.status_code == 409
    undo = api.post(f"/api/v1/registry/merges/{res.json()['merge_id']}/undo/", {}, format="json")
    assert undo.status_code == 200
    b.refresh_from_db()
    assert b.status == "active"


def test_another_ministry_cannot_see_or_touch_this_registry(
    ministry, second_ministry, user_with_role, api_client_for, make_establishment
):
    est = make_establishment(name="Solo en A")
    batch_api = api_client_for(ministry, user_with_role(Role.SYSTEM_ADMIN))
    batch_id = batch_api.post(
        "/api/v1/registry/imports/",
        {"kind": "establishments", "file": SimpleUploadedFile("a.csv", CSV)},
        format="multipart",
    ).json()["id"]
    with ministry_context(second_ministry):
        from labourhub.accounts.services import user_create
        from labourhub.testing.pytest_plugin import TEST_PASSWORD

        admin_b = user_create(
            username="admin-b", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        api_b = api_client_for(second_ministry, admin_b)
        assert (
            api_b.get("/api/v1/registry/establishments/", {"q": "Solo en A"}).json()["results"]
            == []
        )
        for path in (
            f"/api/v1/registry/establishments/{est.pk}/",
            f"/api/v1/registry/imports/{batch_id}/",
            f"/api/v1/registry/imports/{batch_id}/errors/",
        ):
            assert api_b.get(path).status_code == 404, path
        assert (
            api_b.post(
                f"/api/v1/registry/establishments/{est.pk}/update/",
                {"name": "Pwned"},
                format="json",
            ).status_code
            == 404
        )
        assert (
            api_b.post(f"/api/v1/registry/imports/{batch_id}/run/", {}, format="json").status_code
            == 404
        )
        assert not Establishment.objects.filter(name="Solo en A").exists()
    est.refresh_from_db()
    assert est.name == "Solo en A"


def test_openapi_schema_documents_the_registry(ministry, user_with_role, api_client_for):
    api = api_client_for(ministry, user_with_role(Role.SYSTEM_ADMIN))
    res = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert res.status_code == 200
    body = res.content.decode()
    for path in ("/api/v1/registry/establishments/", "/api/v1/registry/imports/{batch_id}/run/"):
        assert path in body, path
