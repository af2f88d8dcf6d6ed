from django.db import migrations

# A legal receipt is evidence that a time limit started: once written, the database itself
# refuses to change or remove it. Runs once per schema, like the audit trail's guard.
FORWARD = """
CREATE OR REPLACE FUNCTION portal_receipt_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'portal_receipt is immutable: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER IF EXISTS portal_receipt_immutable ON portal_receipt;
CREATE TRIGGER portal_receipt_immutable
    BEFORE UPDATE OR DELETE ON portal_receipt
    FOR EACH ROW EXECUTE FUNCTION portal_receipt_immutable();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS portal_receipt_immutable ON portal_receipt;
DROP FUNCTION IF EXISTS portal_receipt_immutable();
"""


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
