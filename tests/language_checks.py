"""What every language sweep looks for: raw codes, English left in a page, catalogue gaps.

The HTTP sweeps (test client), the Chromium sweep and the catalogue tests share these checks, so
a code or a catalogue added once is looked for everywhere:

* ``raw_codes()``: the coded vocabulary of the core (procedure states and steps, time-limit
  codes and units, timeline and document kinds, audit actions). A person must never read one.
* ``english_leftovers(language, plugins)``: the English msgids (two words or more) of the core,
  the portal and the given plugins' catalogues that ``language`` translates differently or does
  not translate. A whole text node equal to one is an English string that skipped gettext, or a
  catalogue gap. Whole-node equality (not substrings) keeps names and data from raising alarms.
* ``english_sentences(nodes, language)``: text nodes that read as English prose (three words or
  more, two of them English function words: "the", "your", "with"...), whether or not the text
  is in a catalogue: a string that never went through gettext, or data written in English.
* ``untranslated_in(path, reference)``: the entries of a catalogue without a translation.
* ``visible_text`` / ``text_nodes``: what a person reads in an HTML page (element text and the
  few attributes shown as text), without scripts and styles.
* ``page_problems(html, language, ...)``: all of the above applied to one rendered page.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.utils import translation

from tests.test_catalogues import ROOT, parse_po

CORE_LOCALE = ROOT / "platform" / "labourhub" / "locale"
PORTAL_LOCALE = ROOT / "platform" / "labourhub" / "portal" / "locale"

PLUGIN_DIRS = {
    "hn-pack": "labourhub-plugin-hn/src/labourhub_hn",
    "trade-unions": "labourhub-plugin-trade-unions/src/labourhub_trade_unions",
    "medical-visits": "labourhub-plugin-medical-visits/src/labourhub_medical_visits",
    "employment-services": "labourhub-plugin-employment-services/src/labourhub_employment_services",
    "vn-pack": "labourhub-plugin-vn/src/labourhub_vn",
    "lk-pack": "labourhub-plugin-lk/src/labourhub_lk",
    "py-pack": "labourhub-plugin-py/src/labourhub_py",
    "co-pack": "labourhub-plugin-co/src/labourhub_co",
    "pe-pack": "labourhub-plugin-pe/src/labourhub_pe",
    "ph-pack": "labourhub-plugin-ph/src/labourhub_ph",
    "lc-pack": "labourhub-plugin-lc/src/labourhub_lc",
}

# Characters around a text that are layout, not words ("Status:", "— Overdue —").
EDGES = " \t\n:·\u2014\u2013-*()"
# How a Python structure shows when it reaches a template unformatted.
REPRS = ("{'", "['", "{&#x27;", "OrderedDict")


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(EDGES)


class _Text(HTMLParser):
    """The text a person reads: element content and the few attributes shown as text."""

    SHOWN = ("title", "placeholder", "aria-label", "alt")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1
        if not self._skip:
            self.parts.extend(v for k, v in attrs if k in self.SHOWN and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def text_nodes(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.parts


def visible_text(html: str) -> str:
    return " ".join(text_nodes(html))


def raw_codes() -> set[str]:
    """Every code of the core's procedures, units, timeline and audit vocabulary."""
    from labourhub.audit.events import AuditAction
    from labourhub.workflow.calendar import UNITS
    from labourhub.workflow.display import DOCUMENT_KINDS, EVENT_KINDS
    from labourhub.workflow.procedures import CORE_PROCEDURES

    codes = {"order_issued", "working_days", "calendar_days", "inspection.assigned"}
    codes |= set(UNITS) | set(DOCUMENT_KINDS) | set(EVENT_KINDS)
    codes |= {a.value for a in AuditAction}
    for proc in CORE_PROCEDURES.values():
        codes |= {s.code for s in proc.states} | {t.name for t in proc.transitions}
        for limit in (*proc.initial_limits, *(x for t in proc.transitions for x in t.starts)):
            codes.add(limit.code)
    # A plain word ("closed", "filed") cannot be told from text; codes have "_" or ".".
    return {c for c in codes if "_" in c or "." in c}


def raw_codes_in(text: str, codes: set[str] | None = None) -> list[str]:
    """The codes written in ``text`` as words of their own (not inside a URL or a file name)."""
    return sorted(
        code
        for code in (raw_codes() if codes is None else codes)
        if re.search(rf"(?<![\w./-]){re.escape(code)}(?![\w/-])", text)
    )


def reprs_in(text: str) -> list[str]:
    return [r for r in REPRS if r in text]


def english_labels(language: str = "es") -> set[str]:
    """English labels of the core procedures (longer than a word) that ``language`` changes."""
    from labourhub.workflow.procedures import CORE_PROCEDURES

    labels: set[str] = set()
    for proc in CORE_PROCEDURES.values():
        labels |= {s.label for s in proc.states} | {t.label for t in proc.transitions}
        for limit in (*proc.initial_limits, *(x for t in proc.transitions for x in t.starts)):
            labels.add(limit.label)
    with translation.override(language):
        return {label for label in labels if translation.gettext(label) != label and len(label) > 8}


def catalogue(locale: Path, language: str) -> Path:
    return locale / language / "LC_MESSAGES" / "django.po"


def catalogues_for(plugins: list[str]) -> list[Path]:
    """The locale folders a ministry running ``plugins`` reads: core, portal and plugins."""
    return [CORE_LOCALE, PORTAL_LOCALE] + [
        ROOT / "plugins" / PLUGIN_DIRS[p] / "locale" for p in plugins if p in PLUGIN_DIRS
    ]


def english_leftovers(language: str, plugins: list[str]) -> dict[str, str]:
    """English msgids (2+ words) that ``language`` translates differently or not at all."""
    if language == "en":
        return {}
    suspects: dict[str, str] = {}
    for locale in catalogues_for(plugins):
        path = catalogue(locale, language)
        translated = {
            e.msgid: e.msgstr.get(0, "") for e in (parse_po(path) if path.exists() else [])
        }
        reference = catalogue(locale, "es")
        if not reference.exists():
            continue
        for entry in parse_po(reference):
            msgid = normal(entry.msgid)
            if len(msgid.split()) < 2 or "%" in msgid or "{" in msgid:
                continue
            shown = translated.get(entry.msgid, "")
            if not shown:
                suspects[msgid] = f"no {language} translation in {path.relative_to(ROOT)}"
            elif normal(shown) != msgid:
                suspects[msgid] = "shown in English: a missing gettext call"
    return suspects


def english_in(nodes: list[str], suspects: dict[str, str]) -> list[str]:
    found = []
    for node in nodes:
        shown = normal(node)
        if shown in suspects:
            found.append(f"{shown!r} ({suspects[shown]})")
    return found


# English function words that no Spanish, French, Vietnamese, Sinhala or Tamil sentence uses
# ("to" and "an" are Vietnamese words; "no", "a" and "de" are Spanish ones).
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "your",
        "you",
        "is",
        "are",
        "this",
        "that",
        "with",
        "from",
        "for",
        "of",
        "not",
        "be",
        "has",
        "have",
        "was",
        "were",
        "will",
        "been",
        "could",
        "should",
        "would",
        "there",
        "their",
        "which",
        "what",
        "when",
        "here",
        "into",
        "only",
        "yet",
    ]
)
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def english_sentences(nodes: list[str], language: str) -> list[str]:
    """Text nodes of a page in ``language`` that read as English prose."""
    if language == "en":
        return []
    found = []
    for node in nodes:
        words = WORD.findall(node)
        markers = {w.lower() for w in words} & ENGLISH_WORDS
        if len(words) >= 3 and len(markers) >= 2:
            found.append(f"English text {normal(node)[:120]!r}")
    return found


def untranslated_in(path: Path, reference: Path | None = None) -> list[str]:
    """Entries of ``path`` without a translation, and msgids of ``reference`` missing from it."""
    entries = parse_po(path) if path.exists() else []
    missing = [
        f"line {e.line}: {e.msgid!r}" for e in entries if not e.msgstr or not all(e.msgstr.values())
    ]
    if reference is not None:
        present = {e.msgid for e in entries}
        missing += [f"absent: {e.msgid!r}" for e in parse_po(reference) if e.msgid not in present]
    return missing


def page_problems(
    html: str,
    *,
    codes: set[str],
    suspects: dict[str, str],
    labels: set[str] | None = None,
    language: str = "en",
) -> list[str]:
    """Raw codes, Python reprs and English (whole nodes, known labels, prose) in one page."""
    nodes = text_nodes(html)
    text = " ".join(nodes)
    found = [f"raw code {c!r}" for c in raw_codes_in(text, codes)]
    found += [f"repr {r!r}" for r in reprs_in(text)]
    found += [f"English label {label!r}" for label in sorted(labels or ()) if label in text]
    found += english_in(nodes, suspects)
    found += english_sentences(nodes, language)
    return sorted(set(found))
