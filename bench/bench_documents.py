"""Documents: one-page letter render time, a 50-document batch, and the public verify page.

In-process against the dev database (the demo ministries carry seeded templates). The batch runs
the full issue path (number, render, S3 upload, row, audit event) inside a transaction that is
rolled back, so the demo keeps no benchmark letters; its PDFs stay as orphans in the dev bucket.
"""

from __future__ import annotations

import functools
import io
import os
import time
from typing import Any

from bench.lib import BenchContext, Row, percentiles, repeat, session_for

SLUGS = os.environ.get("BENCH_DOCUMENTS_SLUGS", "srilanka,honduras").split(",")
BATCH = int(os.environ.get("BENCH_DOCUMENTS_BATCH", "50"))


class _RollbackError(Exception):
    pass


def measure(*, letters: int = 30, batch: int = BATCH) -> list[tuple[str, float, float, str, str]]:
    """Rows (measure, p50, p95, unit, size) for the active ministry; usable from a test DB too."""
    from django.db import connection, transaction
    from pypdf import PdfReader

    from labourhub.accounts.models import User
    from labourhub.documents.models import DocumentTemplate
    from labourhub.documents.services import (
        document_issue,
        document_templates_seed,
        render_document_pdf,
    )

    if not DocumentTemplate.objects.exists():
        document_templates_seed(actor=None)
    template = DocumentTemplate.objects.select_related("current_version").get(
        kind="compliance_order"
    )
    version = template.current_version
    assert version is not None
    officer = User.objects.filter(is_active=True).order_by("pk").first()
    assert officer is not None, "the ministry needs at least one user"
    slug = str(getattr(connection, "schema_name", ""))
    langs = "+".join(version.languages)
    from labourhub.documents.contexts import sample_context

    context: dict[str, Any] = sample_context()
    pdf = render_document_pdf(version=version, context=context)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    p50, p95 = repeat(lambda: render_document_pdf(version=version, context=context), letters)
    rows = [
        (
            f"letter render, {slug} ({langs})",
            p50,
            p95,
            "ms",
            f"{pages} page(s), {len(pdf) // 1024} KiB, {letters} renders",
        )
    ]

    samples: list[float] = []
    t0 = time.perf_counter()
    try:
        with transaction.atomic():
            for _ in range(batch):
                t = time.perf_counter()
                document_issue(kind="compliance_order", officer=officer, actor=None)
                samples.append((time.perf_counter() - t) * 1000)
            raise _RollbackError
    except _RollbackError:
        pass
    total = time.perf_counter() - t0
    b50, b95 = percentiles(samples)
    rows.append(
        (f"issue one (number+render+S3+audit), {slug}", b50, b95, "ms", f"{batch} in a row")
    )
    rows.append(
        (
            f"{batch}-document batch, one worker, {slug}",
            total,
            total,
            "s",
            f"{batch / total:.1f} documents/s",
        )
    )
    return rows


def _get_ok(session: Any, url: str) -> None:
    session.get(url).raise_for_status()


def run(ctx: BenchContext) -> list[Row]:
    from labourhub.documents.models import Document
    from tenants.context import ministry_context
    from tenants.selectors import ministry_get

    rows: list[Row] = []
    for slug in SLUGS:
        ministry = ministry_get(slug=slug)
        if ministry is None:
            continue
        with ministry_context(ministry):
            rows += [Row(*r) for r in measure()]
            code = Document.objects.values_list("verification_code", flat=True).first()
        if code:
            anon = session_for(ctx, slug)
            url = f"{ctx.base_url}/verify/{code}/"
            p50, p95 = repeat(functools.partial(_get_ok, anon, url), 50)
            rows.append(Row(f"public verify page, {slug}", p50, p95, "ms", "50 requests"))
    return rows
