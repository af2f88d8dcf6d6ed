"""Reading issued documents back: stored PDFs, verification, case files and previews."""

import hashlib
import io
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection, models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

from labourhub.accounts.models import User
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.contexts import build_context
from labourhub.documents.kinds import kind_get, kind_label
from labourhub.documents.models import (
    Document,
    Signature,
)
from labourhub.documents.rendering import html_to_pdf, letter_html, render_blocks
from labourhub.documents.sandbox import TemplateRefusedError
from labourhub.documents.selectors import document_case_file_list
from labourhub.documents.services.issuing import verification_url
from labourhub.documents.services.templates import (
    EMPTY_CASE_FILE,
    TEMPLATE_FAILED,
    _validate_template,
)

# --- reading files back -------------------------------------------------------------------


def document_pdf_bytes(*, document: Document) -> bytes:
    """The signed copy when there is one, else the issued copy."""
    signature: Signature | None = getattr(document, "signature", None)
    key = signature.storage_key if signature is not None else document.pdf_file
    with default_storage.open(key, "rb") as handle:
        return bytes(handle.read())


def document_matches(*, code: str, data: bytes) -> bool | None:
    """Whether ``data`` is byte-for-byte the document with this code; None if no such code."""
    document = Document.objects.select_related("signature").filter(verification_code=code).first()
    if document is None:
        return None
    signature: Signature | None = getattr(document, "signature", None)
    expected = signature.sha256 if signature is not None else document.pdf_sha256
    return secrets.compare_digest(hashlib.sha256(data).hexdigest(), expected)


def document_case_file_pdf(
    *, subject_type: ContentType, subject_id: str, user: User | None = None
) -> bytes:
    """The paper court file: an index page, then every document of the case in order.

    With ``user``, only the documents that user may see are included.
    """
    documents = list(
        document_case_file_list(subject_type=subject_type, subject_id=subject_id, user=user)
    )
    if not documents:
        raise ApplicationError(_(EMPTY_CASE_FILE))
    parts = [document_pdf_bytes(document=d) for d in documents]
    counts = [len(PdfReader(io.BytesIO(p)).pages) for p in parts]
    label = documents[0].subject_label
    index_pages = 1
    for _attempt in range(3):
        rows, page = [], index_pages + 1
        for doc, count in zip(documents, counts, strict=True):
            rows.append({"doc": doc, "page": page, "pages": count})
            page += count
        html = render_to_string(
            "documents/case_file_index.html",
            {"rows": rows, "label": label, "ministry": getattr(connection, "tenant", None)},
        )
        index = html_to_pdf(html, title=label)
        actual = len(PdfReader(io.BytesIO(index)).pages)
        if actual == index_pages:
            break
        index_pages = actual
    writer = PdfWriter()
    for blob in [index, *parts]:
        writer.append(PdfReader(io.BytesIO(blob)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def document_preview_html(
    *,
    kind: str,
    layout: str,
    languages: list[str],
    texts: dict[str, dict[str, str]],
    subject: models.Model | None,
    officer: User,
) -> str:
    """The letter as it would come out for ``subject``, from unsaved template text.

    Nothing is numbered or stored; ValidationError is raised exactly as on save.
    """
    _validate_template(kind=kind, layout=layout, languages=languages, texts=texts)
    context = build_context(subject=subject, officer=officer, office=None)
    found = kind_get(kind)
    prefix = found.prefix if found is not None else kind
    with translation.override(languages[0]):
        context["document"] = {
            "number": f"{prefix}-{timezone.localdate().year}-PREVIEW",
            "date": timezone.localdate().isoformat(),
            "kind": kind_label(kind),
            "verification_url": verification_url("PREVIEW"),
        }
    try:
        blocks = render_blocks(texts=texts, languages=languages, context=context)
    except TemplateRefusedError as exc:
        raise ValidationError({"__all__": [_(TEMPLATE_FAILED) % {"error": exc.message}]}) from exc
    return letter_html(blocks=blocks, layout=layout, context=context)
