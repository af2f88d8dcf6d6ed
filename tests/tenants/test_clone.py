"""The ministry clone: the library's function with one query replaced (tenants/clone.py)."""

import pytest
from django.db import connection

import tenants.clone
from tests.tenants.test_ministry_provision import provision

SHAPE = {
    # Index names matter: migrations refer to them by name.
    "indexes": "SELECT tablename, indexname, replace(indexdef, %(s)s || '.', '') "
    "FROM pg_indexes WHERE schemaname = %(s)s",
    "constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
    "FROM pg_constraint WHERE connamespace = %(s)s::regnamespace",
    "columns": "SELECT table_name, column_name, data_type, column_default, is_nullable "
    "FROM information_schema.columns WHERE table_schema = %(s)s",
}


def _shape(schema: str) -> dict[str, list[tuple[str, ...]]]:
    shape = {}
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL search_path = public")
        for name, sql in SHAPE.items():
            cursor.execute(sql, {"s": schema})
            shape[name] = sorted(
                tuple(str(value).replace(f"{schema}.", "") for value in row)
                for row in cursor.fetchall()
            )
    return shape


def test_a_provisioned_ministry_has_the_templates_indexes_constraints_and_columns(db):
    provision(slug="clonecheck")
    template, clone = _shape("template"), _shape("clonecheck")
    for part in SHAPE:
        assert clone[part], part
        assert clone[part] == template[part], part
    # The renamed indexes are the template's own names, not the ones CREATE TABLE LIKE makes.
    assert any(name.endswith("_like") for _, name, _ in clone["indexes"])


def test_a_changed_library_function_stops_provisioning_instead_of_cloning_slowly(monkeypatch):
    monkeypatch.setattr(tenants.clone, "CLONE_SCHEMA_FUNCTION", "SELECT 1")
    tenants.clone._fast_clone_function.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="found 0 times instead of 2"):
            tenants.clone.FastCloneSchema()._create_clone_schema_function()
    finally:
        tenants.clone._fast_clone_function.cache_clear()


def test_an_upgrade_gives_an_older_ministry_the_templates_constraint_names(db):
    from tenants.release_services import schema_migrate

    provision(slug="oldclone")
    with connection.cursor() as cursor:
        # As the library's clone named it before tenants/clone.py.
        cursor.execute(
            "ALTER TABLE oldclone.accounts_rolegrant "
            "RENAME CONSTRAINT one_grant_per_role TO accounts_rolegrant_user_id_role_key"
        )
    schema_migrate("oldclone")
    names = {name for _, name, _ in _shape("oldclone")["indexes"]}
    assert "one_grant_per_role" in names
    assert "accounts_rolegrant_user_id_role_key" not in names
