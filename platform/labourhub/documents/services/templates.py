"""Document templates: validation, versions, seeding, and document numbering."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.contexts import KNOWN_NAMES, sample_context
from labourhub.documents.defaults import SEEDED_LANGUAGES, default_text
from labourhub.documents.kinds import document_kinds, kind_get, kind_label
from labourhub.documents.models import (
    DocumentKind,
    DocumentTemplate,
    Layout,
    TemplateVersion,
)
from labourhub.documents.rendering import check_markup, render_blocks
from labourhub.documents.sandbox import TemplateRefusedError, check_source

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
    layout = getattr(found.plugin, "layout", "") or Layout.SINGLE
    if layout in (Layout.COLUMNS, Layout.SECTIONS) and len(texts) >= 2:
        languages = list(texts)[:2]
    else:
        layout = Layout.SINGLE
        languages = [c for c in wanted if c in texts][:1] or sorted(texts)[:1]
    return _template_version_create(
        kind=kind,
        layout=layout,
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
