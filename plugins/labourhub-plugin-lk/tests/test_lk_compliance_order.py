"""The compliance order in English with Sinhala (and with Tamil): the trilingual letterhead, the
table of contraventions inside the margins and the deadline filled, checked on the rendered page."""

import subprocess
import tempfile
from pathlib import Path

import pytest
from labourhub_lk import documents
from labourhub_lk.hooks import SLUG

from labourhub.plugin_api import Role, document_issue

# A4 with the letter's 18 mm side margins, rendered at 72 dpi.
DPI = 72
SIDE_MARGIN_PX = round(18 / 25.4 * DPI)
LONG = "Contraventionwithoutanyspace" * 8


@pytest.fixture
def order_pdf(enable_plugin, in_ministry, user_with_role):
    from labourhub.documents.services import document_pdf_bytes

    enable_plugin(SLUG)
    officer = user_with_role(Role.INSPECTOR)
    officer.first_name, officer.last_name = "Nimal", "Perera"
    officer.save(update_fields=["first_name", "last_name"])

    def issue(kind: str) -> Path:
        document = document_issue(
            kind=kind,
            officer=officer,
            extra={
                "employer": "Silva Tea Estates (Private) Limited",
                "address": "Nuwara Eliya",
                "inspected_on": "2026-11-23",
                "findings": "No overtime register kept; " + LONG,
                "provision": "Shop and Office Employees Act No. 19 of 1954, s.18",
                "deadline": "2026-12-14",
            },
            actor=officer,
        )
        path = Path(tempfile.mkdtemp()) / "order.pdf"
        path.write_bytes(document_pdf_bytes(document=document))
        return path

    return issue


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


def _pages_gray(pdf: Path) -> list[tuple[int, int, bytes]]:
    """Each page as (width, height, 8-bit grey pixels) from pdftoppm's PGM output."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(prefix)], check=True)
    pages = []
    for path in sorted(pdf.parent.glob(prefix.name + "-*.pgm")):
        data = path.read_bytes()
        magic, width, height, maxval, rest = data.split(maxsplit=4)
        assert magic == b"P5" and maxval == b"255"
        pages.append((int(width), int(height), rest[: int(width) * int(height)]))
    return pages


def _ink_in_side_margins(width: int, height: int, pixels: bytes) -> int:
    inked = 0
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        edge = SIDE_MARGIN_PX - 2
        inked += sum(1 for v in row[:edge] if v < 200) + sum(1 for v in row[-edge:] if v < 200)
    return inked


def test_the_sinhala_order_has_its_letterhead_table_and_deadline_inside_the_margins(order_pdf):
    pdf = order_pdf(documents.COMPLIANCE_ORDER)
    text = " ".join(_run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split())
    # The trilingual letterhead, both languages of the order, the deadline filled. pdftotext
    # drops Sinhala and Tamil vowel signs drawn before their consonant: check parts that
    # extract whole.
    assert "කම්කරු දෙපාර්ත" in text and "Department of Labour" in text
    assert "Compliance order" in text and "අනුකූල" in text
    assert "විධිවිධාන" in text and "අවසන් දින" in text  # the Sinhala table's headings
    assert "නිලධාරී" in text and "Nimal Perera" in text
    assert text.count("2026-12-14") >= 4  # sentence and table, in each language
    assert "{{" not in text
    # Sinhala is drawn with a Sinhala font, not with boxes from a Latin one.
    fonts = _run("pdffonts", str(pdf)).replace("-", "")
    assert "NotoSansSinhala" in fonts
    assert "NotoSansTamil" in fonts  # the letterhead's Tamil line
    pages = _pages_gray(pdf)
    assert pages
    for width, height, pixels in pages:
        assert abs(width - round(210 / 25.4 * DPI)) <= 1
        assert _ink_in_side_margins(width, height, pixels) == 0
        # The page is not blank: the body has ink.
        assert sum(1 for v in pixels if v < 128) > 1000


def test_the_margin_check_would_see_ink_outside_the_margins():
    width, height = 100, 10
    clean = bytes([255]) * (width * height)
    assert _ink_in_side_margins(width, height, clean) == 0
    dirty = bytearray(clean)
    dirty[5 * width + 1] = 0
    assert _ink_in_side_margins(width, height, bytes(dirty)) == 1


def test_the_tamil_variant_renders_tamil_under_the_same_letterhead(order_pdf):
    pdf = order_pdf(documents.COMPLIANCE_ORDER_TA)
    text = " ".join(_run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split())
    # pdftotext garbles some Tamil vowel signs: check words that extract whole.
    assert "உத்தரவு" in text and "அலுவலர்" in text and "மீறல்" in text
    assert "කම්කරු දෙපාර්ත" in text  # the same trilingual letterhead
    assert "NotoSansTamil" in _run("pdffonts", str(pdf)).replace("-", "")
    for width, height, pixels in _pages_gray(pdf):
        assert _ink_in_side_margins(width, height, pixels) == 0
