"""django-tenants' schema clone, with its index-renaming query made independent of how many
ministries the database already holds.

After copying each table, django-tenants' ``clone_schema`` function (from pg-clone-schema) gives
the copied indexes their original names, finding them by joining the ``pg_indexes`` view to
itself. PostgreSQL cannot look that view up by schema: each of the template's ~200 tables
scanned every index of every ministry: with 60 ministries a clone took 15.3 s, against 6.9 s
with the query below (docs/operations/load.md). The query below looks the two tables up by name
(``to_regclass``, an index lookup), reads their indexes from ``pg_index`` and compares the same
``pg_get_indexdef`` text the view exposes, so it returns the same rows in the same order: only
tables, partitioned tables and materialised views have rows in ``pg_index``, as in the view.

It also gives the clone's unique constraints the template's names
(``unique_constraint_names_align``).
Everything else is the library's function as released. The replacement is checked at the first
clone: if an upgrade of django-tenants changes the query, provisioning fails loudly (and the
test suite with it) instead of silently falling back to the slow clone. Web and Celery processes
that never clone are not stopped by it.
"""

import functools

from django.conf import settings
from django.db import connection
from django_tenants.clone import CLONE_SCHEMA_FUNCTION, CloneSchema

_SLOW_INDEX_PAIRS = """      SELECT old.indexname, new.indexname
      FROM pg_indexes old, pg_indexes new
      WHERE old.schemaname = source_schema
        AND new.schemaname = dest_schema
        AND old.tablename = new.tablename
        AND old.tablename = tblname
        AND old.indexname <> new.indexname
        AND regexp_replace(old.indexdef, E'.*USING','') = regexp_replace(new.indexdef, E'.*USING','')
        ORDER BY old.indexdef, new.indexdef"""

_FAST_INDEX_PAIRS = """      SELECT oi.relname, ni.relname
      FROM pg_index ox JOIN pg_class oi ON oi.oid = ox.indexrelid,
           pg_index nx JOIN pg_class ni ON ni.oid = nx.indexrelid
      WHERE ox.indrelid = to_regclass(quote_ident(source_schema) || '.' || quote_ident(tblname))
        AND nx.indrelid = to_regclass(quote_ident(dest_schema) || '.' || quote_ident(tblname))
        AND oi.relname <> ni.relname
        AND regexp_replace(pg_get_indexdef(oi.oid), E'.*USING','')
            = regexp_replace(pg_get_indexdef(ni.oid), E'.*USING','')
        ORDER BY pg_get_indexdef(oi.oid), pg_get_indexdef(ni.oid)"""


@functools.cache
def _fast_clone_function() -> str:
    occurrences = CLONE_SCHEMA_FUNCTION.count(_SLOW_INDEX_PAIRS)
    if occurrences != 2:
        raise RuntimeError(
            "django-tenants' clone_schema function changed: its index-renaming query was "
            f"found {occurrences} times instead of 2. Review tenants/clone.py against the "
            "new release."
        )
    return CLONE_SCHEMA_FUNCTION.replace(_SLOW_INDEX_PAIRS, _FAST_INDEX_PAIRS)


# The library re-creates each unique constraint under PostgreSQL's default name
# (``<table>_<columns>_key``), so ``one_grant_per_role`` in the template became
# ``accounts_rolegrant_user_id_role_key`` in every ministry, and a migration removing the
# constraint by its name would fail on all of them. Renaming a constraint renames its index.
_UNIQUE_RENAMES = """
SELECT quote_ident(%(dest)s) || '.' || quote_ident(dt.relname), dc.conname, sc.conname
FROM pg_constraint sc
JOIN pg_class st ON st.oid = sc.conrelid
JOIN pg_class dt ON dt.relname = st.relname AND dt.relnamespace = to_regnamespace(%(dest)s)
JOIN pg_constraint dc ON dc.conrelid = dt.oid AND dc.contype = sc.contype
  AND pg_get_constraintdef(dc.oid) = pg_get_constraintdef(sc.oid)
WHERE sc.connamespace = to_regnamespace(%(source)s) AND sc.contype = 'u'
  AND dc.conname <> sc.conname
"""


class FastCloneSchema(CloneSchema):
    """``CloneSchema`` installing the function with the indexed query, then giving the
    clone's unique constraints the template's names."""

    def _create_clone_schema_function(self) -> None:
        db_user = settings.DATABASES["default"].get("USER", None) or "postgres"
        function = _fast_clone_function().format(db_user=db_user)
        with connection.cursor() as cursor:
            cursor.execute(function)

    def clone_schema(
        self,
        base_schema_name: str,
        new_schema_name: str,
        clone_mode: str = "DATA",
        set_connection: bool = True,
    ) -> None:
        super().clone_schema(base_schema_name, new_schema_name, clone_mode, set_connection)
        unique_constraint_names_align(source=base_schema_name, dest=new_schema_name)


def unique_constraint_names_align(*, source: str, dest: str) -> int:
    """Give ``dest``'s unique constraints the names their twins have in ``source``; returns how
    many were renamed. Also run before each ministry's upgrade, which mends the ministries
    cloned before this existed."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(_UNIQUE_RENAMES, {"source": source, "dest": dest})
        renames = cursor.fetchall()
        for table, current, original in renames:
            cursor.execute(
                f"ALTER TABLE {table} RENAME CONSTRAINT {quote(current)} TO {quote(original)}"
            )
    return len(renames)
