from django.db import migrations

# Extensions and the normalising function live in the public schema, once for every ministry:
# each tenant reaches them through its search_path ("<schema>, public"). Every statement is
# idempotent because this migration runs once per schema (R56).
CREATE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE OR REPLACE FUNCTION public.lh_norm(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
"""


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = []

    # Never dropped on reverse: other schemas (and other apps) may rely on them.
    operations = [migrations.RunSQL(CREATE, reverse_sql=migrations.RunSQL.noop)]
