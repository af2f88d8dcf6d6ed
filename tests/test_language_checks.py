"""The sweeps' checks find what they look for, and leave the ministry's own words alone."""

from tests.language_checks import (
    english_leftovers,
    english_sentences,
    page_problems,
    raw_codes,
    raw_codes_in,
    text_nodes,
)


def test_raw_codes_are_found_as_words_not_inside_addresses():
    assert {"order_issued", "inspection.assigned"} <= raw_codes()
    assert raw_codes_in("Estado: order_issued") == ["order_issued"]
    assert raw_codes_in("/app/cases/order_issued/ docs/inspection.assigned") == []
    assert raw_codes_in("Orden de cumplimiento emitida") == []


def test_english_prose_is_found_in_a_page_of_another_language():
    english = "Upload the payroll of the last three months"
    assert english_sentences([english], "es") == [f"English text {english!r}"]
    assert english_sentences([english], "en") == []
    for own in (
        "Suba las planillas de los últimos tres meses.",
        "Tải lên bảng lương ba tháng gần nhất.",
        "පසුගිය මාස තුනේ වැටුප් ලේඛනය උඩුගත කරන්න.",
        "Perera Garments (Pvt) Ltd",
    ):
        assert english_sentences([own], "vi") == [], own


def test_english_catalogue_strings_are_suspects_in_another_language():
    # Translated into Sinhala: its English, seen on a Sinhala page, skipped gettext.
    suspects = english_leftovers("si", [])
    assert suspects["Sign in to the portal"] == "shown in English: a missing gettext call"
    # The Honduras pack has no Sinhala for its checklists: a Sinhala page showing one shows a gap.
    gaps = english_leftovers("si", ["hn-pack"])
    assert any(why.startswith("no si translation in plugins/") for why in gaps.values())
    assert english_leftovers("en", ["hn-pack"]) == {}


def test_a_page_is_read_as_a_person_reads_it():
    html = (
        '<html lang="si"><body><script>var s = "order_issued";</script>'
        '<p title="Upload the payroll of the last three months">පාඨය</p>'
        "<p>Estado: working_days</p></body></html>"
    )
    assert "var s" not in " ".join(text_nodes(html))
    suspects = {"Upload the payroll of the last three months": "shown in English"}
    found = page_problems(html, codes=raw_codes(), suspects=suspects, language="si")
    assert found == sorted(
        {
            "raw code 'working_days'",
            "'Upload the payroll of the last three months' (shown in English)",
            "English text 'Upload the payroll of the last three months'",
        }
    )
