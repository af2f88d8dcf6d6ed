"""Every gettext catalogue keeps the placeholders of its English source and compiles cleanly.

A translation that drops ``%(name)s`` raises KeyError at run time (or silently loses the value);
one that changes an HTML tag breaks the page. msgfmt only checks the printf-style part.
"""

import ast
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(
    [
        *ROOT.glob("platform/labourhub/locale/*/LC_MESSAGES/django.po"),
        *ROOT.glob("platform/labourhub/*/locale/*/LC_MESSAGES/django.po"),
        *ROOT.glob("plugins/*/src/*/locale/*/LC_MESSAGES/django.po"),
    ]
)

PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]"  # %(name)s, %(n)d
    r"|%[sdif]"  # %s, %d
    r"|\{\{.*?\}\}|\{%.*?%\}"  # Django template variables and tags in letter templates
    r"|\{[A-Za-z_][\w.]*\}"  # str.format fields
    r"|</?[A-Za-z][^>]*>"  # HTML tags, attributes included
)


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0


def _unquote(text: str) -> str:
    return str(ast.literal_eval(text))


def parse_po(path: Path) -> list[Entry]:
    """A deliberately small .po reader: enough for msgid/msgid_plural/msgstr[n] and flags."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal current
        if current.msgid or current.msgstr:
            entries.append(current)
        current = Entry()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            target = None
        elif line.startswith("#~"):
            continue  # obsolete, not compiled
        elif line.startswith("#,"):
            current.flags.update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            target = ("ctxt", 0)
        elif line.startswith("msgid_plural "):
            current.msgid_plural = _unquote(line[len("msgid_plural ") :])
            target = ("plural", 0)
        elif line.startswith("msgid "):
            if current.msgstr:
                flush()
            current.msgid = _unquote(line[len("msgid ") :])
            current.line = number
            target = ("id", 0)
        elif line.startswith("msgstr"):
            key, _, value = line.partition(" ")
            index = int(key[7:-1]) if key.startswith("msgstr[") else 0
            current.msgstr[index] = _unquote(value)
            target = ("str", index)
        elif line.startswith('"') and target is not None:
            kind, index = target
            text = _unquote(line)
            if kind == "id":
                current.msgid += text
            elif kind == "plural":
                current.msgid_plural += text
            elif kind == "str":
                current.msgstr[index] += text
    flush()
    return [e for e in entries if e.msgid]  # the header has an empty msgid


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def _label(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_catalogues_are_found():
    languages = {p.parts[-3] for p in CATALOGUES if "platform" in p.parts}
    assert {"es", "fr", "si", "ta", "vi"} <= languages


def test_placeholder_pattern_catches_what_matters():
    text = 'Go <a href="/x">%(name)s</a>, %s {{ a.b }} {% if x %} {count} 100% (%) % a year'
    assert placeholders(text) == Counter(
        ['<a href="/x">', "%(name)s", "</a>", "%s", "{{ a.b }}", "{% if x %}", "{count}"]
    )


@pytest.mark.parametrize("path", CATALOGUES, ids=_label)
def test_translations_keep_the_placeholders_of_their_source(path: Path):
    problems = []
    for entry in parse_po(path):
        if "fuzzy" in entry.flags:
            continue  # reported by the test below
        sources = [placeholders(entry.msgid)]
        if entry.msgid_plural:
            sources.append(placeholders(entry.msgid_plural))
        for index, text in entry.msgstr.items():
            if text and placeholders(text) not in sources:
                problems.append(f"line {entry.line} msgstr[{index}]: {entry.msgid[:60]!r}")
    assert not problems, "placeholders differ from the English:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGUES, ids=_label)
def test_no_fuzzy_entries(path: Path):
    # Django ignores fuzzy entries, so they would silently show English.
    fuzzy = [e.msgid[:60] for e in parse_po(path) if "fuzzy" in e.flags]
    assert not fuzzy


@pytest.mark.parametrize("path", CATALOGUES, ids=_label)
def test_catalogue_compiles_with_msgfmt_check(path: Path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (gettext) is a system dependency; infra/system-deps.sh installs it"
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
