"""HTML letter assembly and PDF output (WeasyPrint). No database writes here."""

import base64
import io
import re
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from labourhub.documents.sandbox import TemplateRefusedError, render_source

LANGUAGE_NAMES = dict(settings.LANGUAGES)
# Scripts WeasyPrint must find a glyph for; Noto Sans covers Latin and Vietnamese.
FONT_STACK = (
    "'Noto Sans', 'Noto Sans Sinhala', 'Noto Sans Tamil', 'Noto Sans Devanagari', "
    "'DejaVu Sans', sans-serif"
)
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})
# Markup an administrator may not put in a letter: active content, or anything that makes the
# renderer fetch something. WeasyPrint's fetcher is locked down too; this gives a clear message.
FORBIDDEN_MARKUP = re.compile(
    r"<\s*(script|iframe|object|embed|link|meta|base|form|input|style)\b|@import|url\s*\(|"
    r"\bsrc\s*=|\bhref\s*=\s*[\"']?\s*(file|ftp|javascript|data):|\bon\w+\s*=",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LanguageBlock:
    language: str
    language_name: str
    direction: str
    title: str
    body: str  # sandbox output, autoescaped


def check_markup(source: str) -> None:
    match = FORBIDDEN_MARKUP.search(source)
    if match:
        raise TemplateRefusedError(
            _("Letters may not contain “%(markup)s”: no scripts, styles, links or images.")
            % {"markup": match.group(0).strip()}
        )


# Only the QR code (an inline data: URI) may be loaded; never files or the network (SSRF).
_FETCHER = URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


def qr_data_uri(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


class OptionalFields(dict[str, Any]):
    """``extra`` holds per-letter values (an amount, a hearing date) that many records lack;
    a missing one prints as empty instead of failing the whole letter."""

    def __missing__(self, key: str) -> str:
        return ""


def render_blocks(
    *, texts: dict[str, dict[str, str]], languages: list[str], context: dict[str, Any]
) -> list[LanguageBlock]:
    context = {**context, "extra": OptionalFields(context.get("extra") or {})}
    blocks = []
    for language in languages:
        text = texts.get(language) or {}
        with translation.override(language):
            title = render_source(text.get("title", ""), context)
            body = render_source(text.get("body", ""), context)
        blocks.append(
            LanguageBlock(
                language=language,
                language_name=str(LANGUAGE_NAMES.get(language, language)),
                direction="rtl" if language in RTL_LANGUAGES else "ltr",
                title=mark_safe(title),  # noqa: S308 - sandbox output, autoescaped
                body=mark_safe(body),  # noqa: S308 - sandbox output, autoescaped
            )
        )
    return blocks


def letter_html(
    *,
    blocks: list[LanguageBlock],
    layout: str,
    context: dict[str, Any],
    signature: dict[str, str] | None = None,
    letterhead: list[tuple[str, str]] | None = None,
) -> str:
    """``letterhead``: (language, line) pairs a document kind prints under the ministry's name."""
    primary = blocks[0].language
    with translation.override(primary):
        return render_to_string(
            "documents/letter.html",
            {
                "blocks": blocks,
                "layout": layout,
                "ctx": context,
                "font_stack": FONT_STACK,
                "lang": primary,
                "qr": qr_data_uri(context["document"]["verification_url"])
                if context["document"].get("verification_url")
                else "",
                "signature": signature,
                "letterhead": letterhead or [],
            },
        )


def html_to_pdf(html: str, *, title: str) -> bytes:
    document = HTML(string=html, url_fetcher=_FETCHER, base_url=None)
    pdf = document.write_pdf(pdf_variant="pdf/a-3b", custom_metadata=True)
    assert pdf is not None  # write_pdf returns bytes when no target is given
    return bytes(pdf)
