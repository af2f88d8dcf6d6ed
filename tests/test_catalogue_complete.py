"""The core's Spanish and French catalogues are complete: a person never meets English there.

Sinhala, Tamil and Vietnamese may have untranslated entries while a translation is in progress
(docs/operations/translations.md); Spanish and French may not. The coded vocabularies (procedure
states, steps and time limits, timeline entries, audit actions and fields) are labels marked for
translation, so each must be in the catalogue, translated.
"""

from pathlib import Path

import pytest
from django.utils import translation
from django.utils.functional import Promise

from labourhub.audit.events import AuditAction
from labourhub.audit.labels import FIELD_LABELS
from labourhub.workflow.display import DOCUMENT_KINDS, EVENT_KINDS
from labourhub.workflow.procedures import CORE_PROCEDURES
from tests.test_catalogues import ROOT, parse_po

COMPLETE = ["es", "fr"]


def core_catalogue(language: str) -> Path:
    return ROOT / "platform" / "labourhub" / "locale" / language / "LC_MESSAGES" / "django.po"


def vocabulary() -> set[str]:
    words: set[str] = set()
    for proc in CORE_PROCEDURES.values():
        words |= {s.label for s in proc.states} | {t.label for t in proc.transitions}
        for limit in (*proc.initial_limits, *(x for t in proc.transitions for x in t.starts)):
            words.add(limit.label)
    lazy: list[Promise | str] = [*EVENT_KINDS.values(), *DOCUMENT_KINDS.values()]
    lazy += [*FIELD_LABELS.values(), *AuditAction.labels]
    with translation.override("en"):  # English is the source language: the msgid itself
        words |= {str(p) for p in lazy}
    return words


@pytest.mark.parametrize("language", COMPLETE)
def test_every_core_entry_is_translated(language: str):
    untranslated = [
        f"line {e.line}: {e.msgid[:70]!r}"
        for e in parse_po(core_catalogue(language))
        if not all(e.msgstr.values()) or not e.msgstr
    ]
    assert untranslated == [], f"{len(untranslated)} untranslated in {language}"


@pytest.mark.parametrize("language", COMPLETE)
def test_coded_vocabularies_are_in_the_catalogue(language: str):
    translated = {e.msgid for e in parse_po(core_catalogue(language)) if all(e.msgstr.values())}
    missing = sorted(vocabulary() - translated)
    assert missing == [], "run `make messages` and translate: " + ", ".join(missing[:20])
