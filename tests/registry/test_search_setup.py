from django.db import connection


def test_normalising_function_folds_accents_and_case(in_ministry):
    with connection.cursor() as cursor:
        cursor.execute("SELECT lh_norm('Compañía Industrial ÑANDÚ')")
        assert cursor.fetchone()[0] == "compania industrial nandu"


def test_trigram_indexes_exist_in_the_ministry_schema(in_ministry):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = %s AND indexname LIKE %s",
            [connection.schema_name, "%trgm"],
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {"establishment_name_trgm", "establishment_addr_trgm", "employer_name_trgm"} <= names
