"""Accident notifications from a social insurer: into the register and case chain, deduplicated."""

import datetime as dt

from labourhub.complaints.models import AccidentNotification
from labourhub.complaints.services import accident_notify
from labourhub.connectors.models import AccidentImport
from labourhub.connectors.services import connector_source_create

HEADER = "reference,establishment,worker_id,occurred_on,kind,severity,sex,description,fatalities\n"


def _file(*rows):
    return (HEADER + "".join(",".join(r) + "\n" for r in rows)).encode()


def test_insurer_notifications_join_the_register_without_duplicating_the_ministry_s_own(
    in_ministry, admin, site, run_file
):
    establishment = site()
    own = accident_notify(
        establishment=establishment,
        office=establishment.office,
        kind="accident",
        severity="serious",
        occurred_on=dt.date(2026, 10, 5),
        description="Caída desde andamio",
        actor=admin,
        victims_male=1,
        worker_id="dni-777",
    )
    source = connector_source_create(
        name="EsSalud: accidentes", kind="accidents-csv", transport="drop", actor=admin
    )
    content = _file(
        # The same accident the ministry already has (same site, day and worker).
        ("ES-1", "EST-1", "DNI-777", "2026-10-05", "accident", "serious", "M", "Caida", "0"),
        # A new one, and a fatal one that opens its investigation at once.
        ("ES-2", "EST-1", "DNI-888", "2026-10-06", "accident", "minor", "F", "Corte en mano", "0"),
        ("ES-3", "EST-1", "DNI-999", "2026-10-07", "accident", "fatal", "M", "Aplastamiento", "1"),
        # The insurer's second record of ES-2's accident under another number.
        ("ES-4", "EST-1", "DNI-888", "2026-10-06", "accident", "minor", "F", "Corte", "0"),
    )
    run = run_file(source, "accidentes-2026-10.csv", content)
    assert run.status == "done", list(run.row_errors.values_list("message", "params"))
    assert (run.created_count, run.matched_count) == (2, 2)
    assert AccidentNotification.objects.count() == 3
    assert AccidentImport.objects.get(reference="ES-1").notification == own
    assert AccidentImport.objects.get(reference="ES-1").matched_existing
    new = AccidentImport.objects.get(reference="ES-2").notification
    assert new.case.procedure == "accident" and new.victims_female == 1
    assert AccidentImport.objects.get(reference="ES-4").notification == new
    fatal = AccidentImport.objects.get(reference="ES-3").notification
    assert fatal.case.state == "investigating" and fatal.inspection_id is not None

    again = run_file(source, "accidentes-2026-10.csv", content)
    assert again.status == "unchanged"
    resent = run_file(source, "reenvio.csv", content.replace(b"Corte en mano", b"Corte en la mano"))
    assert resent.status == "done" and resent.unchanged_count == 4 and resent.created_count == 0
    assert AccidentNotification.objects.count() == 3


def test_a_bad_accident_record_saves_nothing(in_ministry, admin, site, run_file):
    site()
    source = connector_source_create(
        name="EsSalud", kind="accidents-csv", transport="drop", actor=admin
    )
    content = _file(
        ("ES-1", "EST-1", "D1", "2026-10-05", "accident", "minor", "M", "ok", "0"),
        ("ES-2", "EST-1", "D2", "2026-10-05", "accident", "fatal", "M", "sin muertos", "0"),
        ("ES-3", "EST-1", "D3", "ayer", "accident", "minor", "M", "fecha", "0"),
    )
    run = run_file(source, "a.csv", content)
    assert run.status == "rejected" and run.error_count == 2
    assert not AccidentNotification.objects.exists()
    assert not AccidentImport.objects.exists()
