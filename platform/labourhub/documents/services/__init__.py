"""Everything that writes documents state: templates, numbers, issuing, signing, seeding."""

from labourhub.documents.services.files import (
    document_case_file_pdf,
    document_matches,
    document_pdf_bytes,
    document_preview_html,
)
from labourhub.documents.services.issuing import (
    document_batch_enqueue,
    document_issue,
    document_sign,
    render_document_pdf,
    verification_url,
)
from labourhub.documents.services.templates import (
    ALREADY_SIGNED,
    EMPTY_CASE_FILE,
    JINJA_NAMES,
    NO_TEMPLATE,
    NOT_A_SIGNER,
    STORED_COPY_EXISTS,
    SUPPORTED_LANGUAGES,
    TEMPLATE_FAILED,
    UNKNOWN_LANGUAGE,
    default_languages_for_ministry,
    document_number_next,
    document_template_save,
    document_templates_seed,
)

__all__ = [
    "ALREADY_SIGNED",
    "EMPTY_CASE_FILE",
    "JINJA_NAMES",
    "NOT_A_SIGNER",
    "NO_TEMPLATE",
    "STORED_COPY_EXISTS",
    "SUPPORTED_LANGUAGES",
    "TEMPLATE_FAILED",
    "UNKNOWN_LANGUAGE",
    "default_languages_for_ministry",
    "document_batch_enqueue",
    "document_case_file_pdf",
    "document_issue",
    "document_matches",
    "document_number_next",
    "document_pdf_bytes",
    "document_preview_html",
    "document_sign",
    "document_template_save",
    "document_templates_seed",
    "render_document_pdf",
    "verification_url",
]
