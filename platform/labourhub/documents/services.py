"""Everything that writes documents state: templates, numbers, issuing, signing, seeding."""

import hashlib
import io
import secrets
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from pypdf import PdfReader, PdfWriter

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import POLICY, Action, Role
from labourhub.accounts.selectors import user_can, user_roles
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.contexts import KNOWN_NAMES, build_context, sample_context
from labourhub.documents.defaults import SEEDED_LANGUAGES, default_text
from labourhub.documents.kinds import document_kinds, kind_get, kind_label
from labourhub.documents.models import (
    Document,
    DocumentKind,
    DocumentTemplate,
    Layout,
    Signature,
    TemplateVersion,
)
from labourhub.documents.rendering import check_markup, html_to_pdf, letter_html, render_blocks
from labourhub.documents.sandbox import TemplateRefusedError, check_source
from labourhub.documents.selectors import document_case_file_list
from labourhub.documents.signing import SignatureProvider, signature_provider_for_current_ministry

NO_TEMPLATE = gettext_noop(
    "There is no template for “%(kind)s” yet. An administrator must create one first."
)
ALREADY_SIGNED = gettext_noop(
    "Document %(number)s is already signed; a signed document cannot change."
)
NOT_A_SIGNER = gettext_noop("Your role does not allow you to sign documents.")
TEMPLATE_FAILED = gettext_noop("The template could not be applied to this record: %(error)s")
STORED_COPY_EXISTS = gettext_noop(
    "A signed copy with this fingerprint already exists; nothing was overwritten."
)
EMPTY_CASE_FILE = gettext_noop("This case has no documents yet.")
UNKNOWN_LANGUAGE = gettext_noop("“%(code)s” is not a language the platform supports.")

# Names Jinja itself provides inside templates: the loop variable and the (capped) range().
JINJA_NAMES = frozenset({"loop", "range"})
SUPPORTED_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


# --- templates ----------------------------------------------------------------------------


def _validate_template(
    *, kind: str, layout: str, languages: list[str], texts: dict[str, dict[str, str]]
) -> None:
    errors: dict[str, list[str]] = {}
    if kind_get(kind) is None:
        errors["kind"] = [_("Choose a document kind from the list.")]
    if layout not in Layout.values:
        errors["layout"] = [_("Choose a layout from the list.")]
    expected = 1 if layout == Layout.SINGLE else 2
    if len(languages) != expected or len(set(languages)) != len(languages):
        errors["languages"] = [
            _("A one-language letter needs one language; a bilingual letter two different ones.")
        ]
    for code in languages:
        if code not in SUPPORTED_LANGUAGES:
            errors.setdefault("languages", []).append(_(UNKNOWN_LANGUAGE) % {"code": code})
    if errors:
        raise ValidationError(errors)
    sample = sample_context()
    sample["document"]["kind"] = kind_label(kind)
    for code in languages:
        text = texts.get(code) or {}
        for part in ("title", "body"):
            source = str(text.get(part, ""))
            field = f"{part}_{code}"
            if not source.strip():
                errors[field] = [_("This text is required.")]
                continue
            try:
                check_markup(source)
                check_source(source, known_names=set(KNOWN_NAMES) | JINJA_NAMES)
                # A dry run against realistic data catches what static checks cannot.
                render_blocks(texts={code: {part: source}}, languages=[code], context=sample)
            except TemplateRefusedError as exc:
                errors[field] = [exc.message]
    if errors:
        raise ValidationError(errors)


def _template_version_create(
    *,
    kind: str,
    layout: str,
    languages: list[str],
    texts: dict[str, dict[str, str]],
    note: str,
    actor: Actor,
) -> TemplateVersion:
    _validate_template(kind=kind, layout=layout, languages=languages, texts=texts)
    template, _created = DocumentTemplate.objects.get_or_create(kind=kind)
    # Serialises concurrent editors so version numbers never collide.
    template = DocumentTemplate.objects.select_for_update().get(pk=template.pk)
    last = template.versions.aggregate(n=models.Max("number"))["n"] or 0
    version = TemplateVersion.objects.create(
        template=template,
        number=last + 1,
        layout=layout,
        languages=list(languages),
        texts={
            code: {"title": texts[code]["title"], "body": texts[code]["body"]} for code in languages
        },
        note=note,
        created_by=actor if isinstance(actor, User) else None,
    )
    previous = template.current_version_id
    template.current_version = version
    template.save(update_fields=["current_version", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_TEMPLATE_VERSION_SAVED,
        subject=template,
        payload={
            "changes": {"current_version": (previous, version.pk)},
            "values": {
                "kind": kind,
                "number": version.number,
                "languages": languages,
                "note": note,
            },
        },
    )
    return version


@transaction.atomic
def document_template_save(
    *,
    kind: str,
    layout: str,
    languages: list[str],
    texts: dict[str, dict[str, str]],
    note: str = "",
    actor: Actor,
) -> TemplateVersion:
    """Save a new version of the kind's template and make it current.

    Earlier versions stay untouched, so documents made from them keep pointing at them.
    Raises ValidationError keyed by ``title_<lang>``/``body_<lang>`` for refused templates.
    """
    return _template_version_create(
        kind=kind, layout=layout, languages=languages, texts=texts, note=note, actor=actor
    )


def default_languages_for_ministry() -> tuple[str, list[str]]:
    tenant = getattr(connection, "tenant", None)
    ministry_langs = list(getattr(tenant, "languages", []) or [])
    default = getattr(tenant, "default_language", "") or "en"
    seeded = [code for code in [default, *ministry_langs] if code in SEEDED_LANGUAGES]
    primary = seeded[0] if seeded else "en"
    others = [c for c in ministry_langs if c != primary and c in SEEDED_LANGUAGES]
    # English is the usual second language of a bilingual letter where the ministry uses it.
    if "en" in others:
        others.remove("en")
        others.insert(0, "en")
    if others:
        return Layout.COLUMNS, [primary, others[0]]
    return Layout.SINGLE, [primary]


@transaction.atomic
def document_templates_seed(*, actor: Actor = None) -> int:
    """Create the starter template for every kind that has none (idempotent).

    Languages follow the active ministry: its default language, plus a second column (English
    where the ministry uses it) when it has more than one language.
    """
    layout, languages = default_languages_for_ministry()
    existing = set(
        DocumentTemplate.objects.exclude(current_version=None).values_list("kind", flat=True)
    )
    created = 0
    for kind in DocumentKind.values:
        if kind in existing:
            continue
        texts = {code: default_text(kind, code) for code in languages}
        _template_version_create(
            kind=kind, layout=layout, languages=languages, texts=texts, note="seeded", actor=actor
        )
        created += 1
    for declared in document_kinds().values():
        if declared.plugin is not None and declared.code not in existing:
            _plugin_template_seed(kind=declared.code, actor=actor)
            created += 1
    return created


def _plugin_template_seed(*, kind: str, actor: Actor) -> TemplateVersion:
    """The starter version of a plugin's document kind, in the languages its text has."""
    found = kind_get(kind)
    assert found is not None and found.plugin is not None  # callers pass plugin kinds only
    _layout, wanted = default_languages_for_ministry()
    texts = found.plugin.texts
    languages = [c for c in wanted if c in texts][:1] or sorted(texts)[:1]
    return _template_version_create(
        kind=kind,
        layout=Layout.SINGLE,
        languages=languages,
        texts={c: {"title": texts[c][0], "body": texts[c][1]} for c in languages},
        note="seeded",
        actor=actor,
    )


# --- numbering ----------------------------------------------------------------------------


def document_number_next(*, kind: str, year: int) -> str:
    """The next number of ``kind`` in ``year``, e.g. ``OI-2026-000123``.

    One upsert increments the counter and keeps its row locked until the caller's transaction
    ends, so concurrent issuers queue on the row and a rolled-back issue gives its number back:
    numbers never collide and never skip.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("document_number_next() must run inside the issuing transaction")
    found = kind_get(kind)
    if found is None:
        raise ApplicationError(_("Choose a document kind from the list."), {"kind": kind})
    prefix = found.prefix
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO documents_numbersequence (prefix, year, last_value) VALUES (%s, %s, 1) "
            "ON CONFLICT (prefix, year) DO UPDATE "
            "SET last_value = documents_numbersequence.last_value + 1 RETURNING last_value",
            [prefix, year],
        )
        row = cursor.fetchone()
    assert row is not None  # RETURNING always yields the row it wrote
    return f"{prefix}-{year}-{int(row[0]):06d}"


# --- issuing and rendering ----------------------------------------------------------------


def verification_url(code: str) -> str:
    from tenants.selectors import ministry_url

    tenant = getattr(connection, "tenant", None)
    base = ministry_url(ministry=tenant) if tenant is not None else "/"
    return f"{base}verify/{code}/"


def render_document_pdf(
    *, version: TemplateVersion, context: dict[str, Any], signature: dict[str, str] | None = None
) -> bytes:
    try:
        blocks = render_blocks(
            texts=version.texts, languages=list(version.languages), context=context
        )
    except TemplateRefusedError as exc:
        raise ApplicationError(_(TEMPLATE_FAILED) % {"error": exc.message}) from exc
    html = letter_html(blocks=blocks, layout=version.layout, context=context, signature=signature)
    return html_to_pdf(html, title=blocks[0].title)


def _subject_ref(subject: models.Model | None) -> tuple[ContentType | None, str, str]:
    if subject is None:
        return None, "", ""
    return ContentType.objects.get_for_model(subject), str(subject.pk), str(subject)[:300]


@transaction.atomic
def document_issue(
    *,
    kind: str,
    officer: User,
    subject: models.Model | None = None,
    office: Office | None = None,
    extra: dict[str, Any] | None = None,
    issued_on: date | None = None,
    actor: Actor,
) -> Document:
    """Number, render and store one document from the kind's current template version.

    Composes into the caller's transaction: if anything later fails, the number is released.
    """
    template = DocumentTemplate.objects.select_related("current_version").filter(kind=kind).first()
    found = kind_get(kind)
    if (template is None or template.current_version is None) and found and found.plugin:
        # A plugin's kind starts from the text the plugin ships; administrators edit it later.
        _plugin_template_seed(kind=kind, actor=actor)
        template = DocumentTemplate.objects.select_related("current_version").get(kind=kind)
    if template is None or template.current_version is None:
        raise ApplicationError(_(NO_TEMPLATE) % {"kind": kind_label(kind)}, {"kind": kind})
    version = template.current_version
    context = build_context(subject=subject, officer=officer, office=office, extra=extra)
    day = issued_on or timezone.localdate()
    code = secrets.token_urlsafe(15)
    number = document_number_next(kind=kind, year=day.year)
    with translation.override(version.languages[0]):
        label = kind_label(kind)
    context["document"] = {
        "number": number,
        "date": day.isoformat(),
        "kind": label,
        "verification_url": verification_url(code),
    }
    pdf = render_document_pdf(version=version, context=context)
    key = default_storage.save(f"documents/{day.year}/{number}-{code[:8]}.pdf", ContentFile(pdf))
    subject_type, subject_id, subject_label = _subject_ref(subject)
    document = Document.objects.create(
        number=number,
        kind=kind,
        template_version=version,
        title=label,
        subject_type=subject_type,
        subject_id=subject_id,
        subject_label=subject_label,
        verification_code=code,
        context=context,
        pdf_file=key,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        issued_by=officer,
    )
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_ISSUED,
        subject=document,
        payload={
            "values": {
                "number": number,
                "kind": kind,
                "template_version": version.pk,
                "subject": f"{subject_type.natural_key() if subject_type else ''}:{subject_id}",
            }
        },
    )
    return document


def document_batch_enqueue(
    *, kind: str, subjects: list[models.Model], officer: User, actor: Actor
) -> int:
    """Queue one Celery task per subject, after commit (rendering a batch inline would block)."""
    from labourhub.documents.tasks import document_issue_task

    def enqueue() -> None:
        for subject in subjects:
            document_issue_task.delay(
                kind=kind,
                subject_label=subject._meta.label_lower,
                subject_id=str(subject.pk),
                officer_id=officer.pk,
            )

    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_BATCH_QUEUED,
            subject=None,
            payload={"values": {"kind": kind, "count": len(subjects)}},
        )
        transaction.on_commit(enqueue)
    return len(subjects)


def _signer_role(user: User) -> str:
    roles = [r for r in user_roles(user=user) if Action.DOCUMENT_SIGN in POLICY[r]]
    return str(Role(roles[0]).label) if roles else ""


@transaction.atomic
def document_sign(
    *,
    document: Document,
    signer: User,
    provider: SignatureProvider | None = None,
    actor: Actor,
) -> Signature:
    """Stamp the signature on the letter, hash the exact bytes, and store them write-once."""
    document = (
        Document.objects.select_for_update().select_related("template_version").get(pk=document.pk)
    )
    if Signature.objects.filter(document=document).exists():
        raise ApplicationError(_(ALREADY_SIGNED) % {"number": document.number})
    if not user_can(user=signer, action=Action.DOCUMENT_SIGN):
        raise ApplicationError(_(NOT_A_SIGNER))
    signed_at = timezone.now()
    role = _signer_role(signer)
    stamp = {
        "name": signer.get_full_name() or signer.get_username(),
        "role": role,
        "at": timezone.localtime(signed_at).strftime("%Y-%m-%d %H:%M %Z"),
    }
    pdf = render_document_pdf(
        version=document.template_version, context=document.context, signature=stamp
    )
    provider = provider or signature_provider_for_current_ministry()
    result = provider.sign(pdf=pdf, signer=signer, document_number=document.number)
    digest = hashlib.sha256(result.pdf).hexdigest()
    key = f"documents/signed/{document.number}-{digest}.pdf"
    # Write-once: the key carries the hash, and an existing object is never replaced.
    if default_storage.exists(key):
        raise ApplicationError(_(STORED_COPY_EXISTS))
    default_storage.save(key, ContentFile(result.pdf))
    signature = Signature.objects.create(
        document=document,
        signer=signer,
        signer_name=stamp["name"],
        signer_role=role,
        signed_at=signed_at,
        sha256=digest,
        storage_key=key,
        provider=result.provider,
        provider_data=result.data,
    )
    document.status = Document.Status.SIGNED
    document.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_SIGNED,
        subject=document,
        payload={
            "changes": {"status": (Document.Status.ISSUED, Document.Status.SIGNED)},
            "values": {"sha256": digest, "provider": result.provider, "signer_role": role},
        },
    )
    return signature


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
