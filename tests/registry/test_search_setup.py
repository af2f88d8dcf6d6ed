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
    assert {
        "establishment_name_norm_trgm",
        "establishment_addr_norm_trgm",
        "employer_name_trgm",
    } <= names


def test_demo_seed_generates_a_plausible_registry_once(in_ministry, offices):
    from devtools.demo.registry import registry_demo_seed
    from labourhub.registry.isic import isic_is_valid
    from labourhub.registry.models import Establishment
    from labourhub.registry.selectors import establishment_search

    assert registry_demo_seed(count=120) == 120
    assert registry_demo_seed(count=120) == 0
    sites = list(Establishment.objects.all())
    assert len(sites) == 122  # plus the showcase pair in a Spanish-speaking ministry
    assert all(isic_is_valid(s.isic_code) for s in sites)
    micro = sum(1 for s in sites if s.size_band == "micro")
    assert micro > len(sites) // 2
    assert establishment_search(filters={"q": "compania industrial nandu"}).items


def test_generate_continues_numbering_without_duplicates(in_ministry, offices):
    from devtools.generators.registry import registry_generate
    from labourhub.registry.models import Establishment

    registry_generate(count=30, with_history=False)
    registry_generate(count=30, with_history=False)
    numbers = list(Establishment.objects.values_list("registration_number", flat=True))
    assert len(numbers) == len(set(numbers)) == 60
