"""Hostile uploads: refused with a clear message, nothing half-saved (real moto S3)."""

import io
import struct
import tempfile
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from labourhub.audit.models import AuditEvent
from labourhub.inspections.models import Evidence
from labourhub.inspections.services import evidence as evidence_module
from labourhub.inspections.services import evidence_read, evidence_upload
from tests.inspections.images import jpeg_bytes

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 2000 + b"This program"


def spanish(message, html=True, **params):
    """The ministry's language is Spanish: pages and API answers come back translated."""
    with translation.override("es"):
        text = translation.gettext(message) % params
    return escape(text) if html else text


def stored_keys(inspection):
    try:
        return default_storage.listdir(f"evidence/{inspection.pk}")[1]
    except FileNotFoundError:
        return []


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    # 256 MB of zeros compresses to ~250 KB: small on the wire, huge once unpacked.
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("zeros.bin", "w", force_zip64=True) as member,
    ):
        chunk = b"\x00" * (1024 * 1024)
        for _ in range(256):
            member.write(chunk)
    return buffer.getvalue()


def png_pixel_bomb(width=8000, height=8000) -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 100))
        + chunk(b"IEND", b"")
    )


def refused(in_progress, name, data, fragment):
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        evidence_upload(
            inspection=in_progress, name=name, file=ContentFile(data), actor=in_progress.inspector
        )
    message = " ".join(exc.value.message_dict["file"])
    assert fragment in message
    assert Evidence.objects.filter(inspection=in_progress).count() == 0
    assert stored_keys(in_progress) == []
    assert AuditEvent.objects.count() == events
    return message


def test_good_photo_is_stored_under_the_ministry_prefix_with_its_hash(in_progress):
    import hashlib

    data = jpeg_bytes()
    evidence = evidence_upload(
        inspection=in_progress,
        name="payroll.jpg",
        file=ContentFile(data),
        actor=in_progress.inspector,
    )
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence.size == len(data) and evidence.content_type == "image/jpeg"
    assert evidence.storage_key.startswith(f"evidence/{in_progress.pk}/")
    assert default_storage._normalize_name(evidence.storage_key).startswith("tenants/test/")
    assert evidence_read(evidence=evidence) == data


def test_executable_renamed_jpg_is_refused(in_progress):
    message = refused(in_progress, "holiday.jpg", EXE, "is a program")
    assert "holiday.jpg" in message


def test_zip_bomb_is_refused_even_when_renamed(in_progress):
    bomb = zip_bomb()
    assert len(bomb) < 2 * 1024 * 1024
    refused(in_progress, "registers.zip", bomb, "compressed archive")
    refused(in_progress, "registers.jpg", bomb, "compressed archive")


def test_image_pixel_bomb_is_refused(in_progress):
    refused(in_progress, "big.png", png_pixel_bomb(), "million pixels")


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.jpg",
        "..\\..\\boot.ini.jpg",
        "evil\x00.jpg",
        "/abs/path.jpg",
        ".hidden.jpg",
    ],
)
def test_path_traversal_and_control_names_are_refused(in_progress, name):
    refused(in_progress, name, jpeg_bytes(), "is not allowed")


def test_200_mb_file_is_refused_before_it_is_read(in_progress):
    with tempfile.TemporaryFile() as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB without writing 200 MB
        upload = File(handle, name="scan.pdf")
        events = AuditEvent.objects.count()
        with pytest.raises(ValidationError) as exc:
            evidence_upload(
                inspection=in_progress, name="scan.pdf", file=upload, actor=in_progress.inspector
            )
        assert handle.tell() == 0  # refused on the declared size, nothing read
    assert "200 MB; the limit is 25 MB" in exc.value.message_dict["file"][0]
    assert stored_keys(in_progress) == [] and AuditEvent.objects.count() == events


def test_stream_that_lies_about_its_size_is_cut_off(in_progress):
    class Liar(io.BytesIO):
        size = 10

    with pytest.raises(ValidationError) as exc:
        evidence_upload(
            inspection=in_progress,
            name="a.jpg",
            file=Liar(b"\xff\xd8\xff" + b"\x00" * (26 * 1024 * 1024)),
            actor=in_progress.inspector,
        )
    assert "the limit is 25 MB" in exc.value.message_dict["file"][0]


def test_type_and_extension_must_agree(in_progress):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    refused(in_progress, "photo.jpg", pdf, "really a PDF file")
    refused(in_progress, "notes.txt", b"hello there", "is not a JPEG")
    refused(in_progress, "cut.pdf", b"%PDF-1.4\n" + b"x" * 5000, "not a complete PDF")


def test_object_is_deleted_when_recording_the_row_fails(in_progress, monkeypatch):
    def boom(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(evidence_module, "audit_record", boom)
    with pytest.raises(RuntimeError):
        evidence_upload(
            inspection=in_progress,
            name="ok.jpg",
            file=ContentFile(jpeg_bytes()),
            actor=in_progress.inspector,
        )
    assert Evidence.objects.filter(inspection=in_progress).count() == 0
    assert stored_keys(in_progress) == []


def test_browser_upload_of_executable_shows_message_and_keeps_page(
    in_progress, ministry, client_for
):
    client = client_for(ministry)
    client.force_login(in_progress.inspector)
    response = client.post(
        f"/app/inspections/{in_progress.pk}/evidence/",
        {"file": SimpleUploadedFile("cat.jpg", EXE, "image/jpeg")},
    )
    assert response.status_code == 400
    assert spanish(evidence_module.EXECUTABLE, name="cat.jpg") in response.content.decode()
    assert Evidence.objects.count() == 0


def test_browser_upload_of_200_mb_is_refused(in_progress, ministry, client_for):
    client = client_for(ministry)
    client.force_login(in_progress.inspector)
    with tempfile.NamedTemporaryFile(suffix=".jpg") as handle:
        handle.truncate(200 * 1024 * 1024)
        handle.seek(0)
        response = client.post(f"/app/inspections/{in_progress.pk}/evidence/", {"file": handle})
    assert response.status_code == 400
    page = response.content.decode()
    assert spanish(evidence_module.TOO_BIG, size=200, limit=25) in page
    assert Evidence.objects.count() == 0 and stored_keys(in_progress) == []


def test_api_upload_traversal_name_is_neutralised_and_zip_refused(
    in_progress, ministry, api_client_for
):
    api = api_client_for(ministry, in_progress.inspector)
    bomb = SimpleUploadedFile("../../x.jpg", zip_bomb(), "image/jpeg")
    response = api.post(
        f"/api/v1/inspections/{in_progress.pk}/evidence/", {"file": bomb}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["file"] == [
        spanish(evidence_module.ARCHIVE, html=False, name="x.jpg")
    ]
    good = SimpleUploadedFile("../../photo.jpg", jpeg_bytes(), "image/jpeg")
    response = api.post(
        f"/api/v1/inspections/{in_progress.pk}/evidence/", {"file": good}, format="multipart"
    )
    # Django strips the directories before the app sees the name; the key is generated anyway.
    assert response.status_code == 201, response.json()
    evidence = Evidence.objects.get()
    assert evidence.original_name == "photo.jpg" and ".." not in evidence.storage_key
