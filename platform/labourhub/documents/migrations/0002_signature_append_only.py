from django.db import migrations

# A signature is evidence: once written, neither the app nor a careless script may change it.
# Created per schema (first on the search_path), like the audit trail's guard.
FORWARD = """
CREATE OR REPLACE FUNCTION documents_signature_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'documents_signature is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER IF EXISTS documents_signature_append_only ON documents_signature;
CREATE TRIGGER documents_signature_append_only
    BEFORE UPDATE OR DELETE ON documents_signature
    FOR EACH ROW EXECUTE FUNCTION documents_signature_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS documents_signature_append_only ON documents_signature;
DROP FUNCTION IF EXISTS documents_signature_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_documents_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
