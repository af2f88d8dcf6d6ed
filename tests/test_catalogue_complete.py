"""The core's catalogues are complete: a person never meets English there.

Spanish, French, Sinhala, Tamil and Vietnamese are all complete in the core and the portal
(employers and workers meet it in their ministry's language too); so are the country
packs in the languages of their country (Sri Lanka: Sinhala and Tamil; Viet Nam: Vietnamese) and
the trade-union module in every interface language. An entry added in English, Spanish and
French only makes these tests list its msgid for Sinhala, Tamil and Vietnamese. The coded
vocabularies (procedure states, steps and time limits, timeline entries, audit actions and
fields) are labels marked for translation, so each must be in the catalogue, translated.
"""

from pathlib import Path

import pytest
from django.utils import translation
from django.utils.functional import Promise

from labourhub.audit.events import AuditAction
from labourhub.audit.labels import FIELD_LABELS
from labourhub.workflow.display import DOCUMENT_KINDS, EVENT_KINDS
from labourhub.workflow.procedures import CORE_PROCEDURES
from tests.language_checks import PORTAL_LOCALE, catalogue, untranslated_in
from tests.test_catalogues import ROOT, parse_po

COMPLETE = ["es", "fr", "si", "ta", "vi"]
# Plugin catalogues a ministry meets in full, by the languages its country speaks.
PLUGIN_COMPLETE = {
    "labourhub-plugin-lk/src/labourhub_lk": ["es", "fr", "si", "ta"],
    "labourhub-plugin-vn/src/labourhub_vn": ["es", "fr", "vi"],
    "labourhub-plugin-trade-unions/src/labourhub_trade_unions": ["es", "fr", "si", "ta", "vi"],
}


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
    # The Spanish catalogue is the reference: an entry absent from another language is missing.
    reference = core_catalogue("es") if language != "es" else None
    untranslated = untranslated_in(core_catalogue(language), reference)
    assert untranslated == [], (
        f"{len(untranslated)} untranslated in {language} ({core_catalogue(language)}):\n"
        + "\n".join(untranslated)
    )


@pytest.mark.parametrize("language", COMPLETE)
def test_every_portal_entry_is_translated(language: str):
    path = catalogue(PORTAL_LOCALE, language)
    reference = catalogue(PORTAL_LOCALE, "es") if language != "es" else None
    untranslated = untranslated_in(path, reference)
    assert untranslated == [], (
        f"{len(untranslated)} untranslated in {language} ({path}):\n" + "\n".join(untranslated)
    )


@pytest.mark.parametrize(
    ("plugin", "language"),
    [(plugin, language) for plugin, languages in PLUGIN_COMPLETE.items() for language in languages],
)
def test_every_plugin_entry_is_translated(plugin: str, language: str):
    locale = ROOT / "plugins" / plugin / "locale"
    path = locale / language / "LC_MESSAGES" / "django.po"
    reference = locale / "es" / "LC_MESSAGES" / "django.po"
    untranslated = untranslated_in(path, reference if language != "es" else None)
    assert untranslated == [], (
        f"{len(untranslated)} untranslated in {language} ({path}):\n" + "\n".join(untranslated)
    )


@pytest.mark.parametrize("language", COMPLETE)
def test_coded_vocabularies_are_in_the_catalogue(language: str):
    translated = {e.msgid for e in parse_po(core_catalogue(language)) if all(e.msgstr.values())}
    missing = sorted(vocabulary() - translated)
    assert missing == [], "run `make messages` and translate: " + ", ".join(missing[:20])


# The script each language is written in, and the scripts of the other two: a catalogue copied
# from its neighbour (Sinhala into Tamil) is complete but unreadable.
SCRIPTS = {"si": "\u0d80-\u0dff", "ta": "\u0b80-\u0bff"}


@pytest.mark.parametrize("language", ["si", "ta", "vi"])
def test_each_catalogue_is_in_its_own_script(language: str):
    import re

    foreign = "".join(r for code, r in SCRIPTS.items() if code != language)
    paths = [core_catalogue(language), catalogue(PORTAL_LOCALE, language)] + [
        ROOT / "plugins" / plugin / "locale" / language / "LC_MESSAGES" / "django.po"
        for plugin, languages in PLUGIN_COMPLETE.items()
        if language in languages
    ]
    wrong = [
        f"{path.relative_to(ROOT)} line {e.line}: {e.msgid!r}"
        for path in paths
        for e in parse_po(path)
        if e.msgid and any(re.search(f"[{foreign}]", s) for s in e.msgstr.values())
    ]
    assert wrong == [], "\n".join(wrong)
