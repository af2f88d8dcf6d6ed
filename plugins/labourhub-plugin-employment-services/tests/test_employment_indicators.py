"""Indicators reach the analytics through the hook, by sex and region, small counts suppressed."""

from django.utils import translation
from labourhub_employment_services.services import referral_make, referral_record
from pes_helpers import region, seeker, vacancy

from labourhub.extensions import current_hooks, flatten
from labourhub.plugin_api import Role


def _definitions(ministry):
    return {
        d.code: d for d in flatten(current_hooks().register_indicator_definitions(tenant=ministry))
    }


def test_indicators_count_by_sex_and_region_and_suppress_small_counts(
    enable_plugin, in_ministry, ministry
):
    enable_plugin("employment-services")
    north, south = region("N", "North"), region("S", "South")
    women = [seeker(first_name=f"W{n}", region=north) for n in range(6)]
    seeker(first_name="M1", sex="M", region=south)
    v = vacancy(posts=6, region=north)
    for s in women:
        r = referral_make(seeker=s, vacancy=v, actor=None)
        r = referral_record(referral=r, status="interviewed", actor=None)
        referral_record(referral=r, status="placed", actor=None)
    defs = _definitions(ministry)
    assert set(defs) >= {
        "pes_jobseekers_registered", "pes_vacancies_notified", "pes_referrals", "pes_placements",
    }  # fmt: skip
    assert defs["pes_jobseekers_registered"].compute(tenant=ministry) == 7
    assert defs["pes_placements"].compute(tenant=ministry, sex="F") == 6
    assert defs["pes_placements"].compute(tenant=ministry, sex="M") is None  # 0 < 5: suppressed
    assert defs["pes_jobseekers_registered"].compute(tenant=ministry, region_id=south.pk) is None
    assert defs["pes_vacancies_notified"].compute(tenant=ministry, region_id=north.pk) == 6


def test_age_bands_count_from_the_year_of_birth(enable_plugin, in_ministry, ministry):
    from labourhub_employment_services.stats import measure_total

    from labourhub.plugin_api import ministry_today

    enable_plugin("employment-services")
    year = ministry_today().year
    for n in range(5):
        seeker(first_name=f"Young {n}", birth_year=year - 20)
    seeker(first_name="Older", birth_year=year - 40)
    assert measure_total("jobseekers", age_band="15-24") == 5
    assert measure_total("jobseekers", age_band="35-54", suppress=False) == 1
    assert measure_total("jobseekers", age_band="35-54") is None
    assert measure_total("jobseekers", age_band="nonsense") is None
    assert measure_total("vacancies", age_band="15-24") is None


def test_the_dashboard_shows_the_plugin_tiles(enable_plugin, client_for, ministry, user_with_role):
    enable_plugin("employment-services")
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    page = client.get("/app/analytics/").content.decode()
    assert "Colocaciones" in page  # "Placements", in the ministry's language


def test_the_breakdown_report_is_suppressed_too(enable_plugin, in_ministry, ministry):
    enable_plugin("employment-services")
    for n in range(5):
        seeker(first_name=f"S{n}", region=region())
    seeker(first_name="Alone", sex="M", region=region())
    with translation.override("es"):
        reports = {
            r.code: r for r in flatten(current_hooks().register_report_definitions(tenant=ministry))
        }
        report = reports["pes_by_sex_region"]
        rows = report.rows()
    assert report.columns == ("Medida", "Sexo", "Región", "Cantidad")
    seekers = [r for r in rows if r["Medida"] == "Personas que buscan empleo registradas"]
    counts = {(r["Sexo"], r["Región"]): r["Cantidad"] for r in seekers}
    assert counts[("Mujer", "North")] == 5
    assert counts[("Hombre", "North")] == "—"  # under the threshold: never shown


def test_indicators_by_isco_major_group(enable_plugin, in_ministry, ministry):
    enable_plugin("employment-services")
    cooks = [seeker(first_name=f"C{n}", occupations=["51", "94"]) for n in range(5)]
    seeker(first_name="Clerk", occupations=["41"])
    v = vacancy(posts=5, occupation="51")
    for s in cooks:
        r = referral_make(seeker=s, vacancy=v, actor=None)
        r = referral_record(referral=r, status="interviewed", actor=None)
        referral_record(referral=r, status="placed", actor=None)
    defs = _definitions(ministry)
    seekers, placed = defs["pes_jobseekers_registered"], defs["pes_placements"]
    assert seekers.compute(tenant=ministry, occupation_major="5") == 5
    assert seekers.compute(tenant=ministry, occupation_major="9") == 5  # each group wanted
    assert seekers.compute(tenant=ministry, occupation_major="4") is None  # 1 < 5: suppressed
    assert placed.compute(tenant=ministry, occupation_major="5") == 5
    assert placed.compute(tenant=ministry, occupation_major="nonsense") is None
    with translation.override("fr"):
        reports = {
            r.code: r for r in flatten(current_hooks().register_report_definitions(tenant=ministry))
        }
        rows = reports["pes_by_occupation"].rows()
    assert reports["pes_by_occupation"].columns[2] == "Profession (grand groupe CITP-08)"
    placements = {
        r["Profession (grand groupe CITP-08)"]: r["Nombre"]
        for r in rows
        if r["Mesure"] == "Placements"
    }
    assert (
        placements["5 Personnel des services directs aux particuliers, commerçants et vendeurs"]
        == 5
    )
    assert placements["4 Employés de type administratif"] == "—"
