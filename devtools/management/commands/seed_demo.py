import multiprocessing
import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import translation

from devtools.demo.analytics import analytics_demo_seed
from devtools.demo.chain import chain_demo_seed
from devtools.demo.cms import cms_demo_seed
from devtools.demo.country_packs import PACK_PROCEDURES, country_pack_demo_seed
from devtools.demo.documents import documents_demo_seed
from devtools.demo.employment import employment_demo_seed
from devtools.demo.inspections import inspections_demo_seed
from devtools.demo.medical import medical_visits_demo_seed
from devtools.demo.plugins import plugins_demo_activate
from devtools.demo.portal import portal_demo_seed
from devtools.demo.registry import registry_demo_seed
from devtools.demo.staff import ROLE_USERNAMES, demo_staff_seed
from devtools.demo.workflow import enforcement_demo_seed
from devtools.generators.history import demo_scale, history_generate
from devtools.hashers import demo_password_hashed_once
from devtools.ministries import DEMO, DEMO_PASSWORD, Offices
from tenants.context import ministry_context
from tenants.selectors import ministry_get, ministry_url
from tenants.services import MinistrySpec, ministry_provision, public_tenant_ensure, template_ensure

# Served first by `make run` while the others are seeded: the ministry with the most modules on
# (trade unions, medical visits, its country pack) and most of the user guides' screenshots.
DEFAULT_FIRST = "honduras"
STAGES = ("all", "first", "rest")
SLUGS = [spec.slug for spec, _offices in DEMO]


@dataclass
class Seeded:
    slug: str
    seconds: float = 0.0
    detail: str = ""
    error: str = ""


def stage_slugs(*, stage: str, first: str, only: list[str] | None = None) -> list[str]:
    """The demo ministries a stage seeds, in order: the first one, then the others."""
    chosen = [slug for slug in SLUGS if not only or slug in only]
    rest = [slug for slug in chosen if slug != first]
    head = [first] if first in chosen else []
    return {"first": head, "rest": rest, "all": head + rest}[stage]


def demo_jobs(value: int | None = None) -> int:
    """How many ministries are seeded at once: ``--jobs``, else ``DEMO_JOBS``, else one."""
    if value is None:
        try:
            value = int(os.environ.get("DEMO_JOBS", "1"))
        except ValueError:
            value = 1
    return max(1, value)


def ministry_demo_seed(*, spec: MinistrySpec, offices: Offices, scale: float) -> Seeded:
    """Provision one demo ministry if missing and fill it (idempotent)."""
    t0 = time.monotonic()
    ministry = ministry_get(slug=spec.slug)
    if ministry is None:
        ministry = ministry_provision(
            spec=spec, admin_username="admin", admin_password=DEMO_PASSWORD, actor=None
        )
    # Texts composed while writing (a timeline line, an audit note) are in the language
    # of whoever writes them: the demo's data are written by the ministry's own staff.
    with ministry_context(ministry), translation.override(spec.default_language):
        demo_staff_seed(offices=offices)
        cms_demo_seed(slug=spec.slug, password=DEMO_PASSWORD)
        registry_demo_seed(count=max(30, round(2000 * scale)))
        plugins_demo_activate(ministry=ministry)
        employment_demo_seed()
        documents_demo_seed()
        enforcement_demo_seed(slug=spec.slug)
        country_pack_demo_seed(slug=spec.slug, ministry=ministry)
        medical_visits_demo_seed()
        inspections_demo_seed(slug=spec.slug, password=DEMO_PASSWORD)
        chain_demo_seed()
        made = history_generate(scale=scale, procedure=PACK_PROCEDURES.get(spec.slug, ""))
        analytics_demo_seed()
        portal_demo_seed()
    return Seeded(
        slug=spec.slug,
        seconds=time.monotonic() - t0,
        detail=(
            f"history: {made.inspections} inspections, {made.complaints} complaints, "
            f"{made.cases} cases in {made.seconds:.1f}s"
        ),
    )


def _seed_in_child(job: tuple[str, float]) -> Seeded:
    """One ministry in a worker process (forked with the settings, apps and hash loaded)."""
    slug, scale = job
    spec, offices = next((s, o) for s, o in DEMO if s.slug == slug)
    # One write per line: the workers and the parent share the terminal.
    sys.stdout.write(f"[demo] seeding {slug}…\n")
    sys.stdout.flush()
    try:
        return ministry_demo_seed(spec=spec, offices=offices, scale=scale)
    except Exception:  # reported by the parent with the slug; the other ministries go on
        return Seeded(slug=slug, error=traceback.format_exc())
    finally:
        connections.close_all()


class Command(BaseCommand):
    help = (
        "Create the demo ministries, their offices and one user per role (idempotent). "
        "`make run` seeds the first ministry (--stage first), serves, then the others "
        "(--stage rest --jobs 2) while it serves."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--only", nargs="*", help="slugs to seed (default: all)")
        parser.add_argument("--quiet", action="store_true")
        parser.add_argument(
            "--scale",
            type=float,
            default=None,
            help="demo volume: 1 = about 2,000 establishments and three years of inspections, "
            "complaints and cases per ministry (default: DEMO_SCALE or 1; 0 = showcase only)",
        )
        parser.add_argument(
            "--stage",
            choices=STAGES,
            default="all",
            help="all (default): every ministry, the first one first; first: only the first "
            "one; rest: all but the first one",
        )
        parser.add_argument(
            "--first",
            choices=SLUGS,
            default=None,
            help=f"the ministry seeded first (default: DEMO_FIRST or {DEFAULT_FIRST})",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="ministries seeded at once, each in its own process (default: DEMO_JOBS or 1)",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        first = opts["first"] or os.environ.get("DEMO_FIRST") or DEFAULT_FIRST
        if first not in SLUGS:
            raise CommandError(f"DEMO_FIRST={first!r} is not a demo ministry ({', '.join(SLUGS)})")
        slugs = stage_slugs(stage=opts["stage"], first=first, only=opts["only"])
        everything = stage_slugs(stage="all", first=first, only=opts["only"])
        jobs = demo_jobs(opts["jobs"])
        public_tenant_ensure()
        t0 = time.monotonic()
        template_ensure()
        self._say(opts, f"template schema ready in {time.monotonic() - t0:.1f}s")
        scale = demo_scale() if opts.get("scale") is None else max(0.0, opts["scale"])
        # The rest stage follows the first one (`make run`), which left its ministry ready.
        ready = (
            [slug for slug in everything if slug not in slugs] if opts["stage"] == "rest" else []
        )
        failed: list[Seeded] = []
        with demo_password_hashed_once():
            # Hashed here, before any fork, so every worker process inherits the one hash.
            make_password(DEMO_PASSWORD)
            for result in self._seed(slugs, scale, jobs, opts, progress=(ready, everything)):
                if result.error:
                    failed.append(result)
                    self.stderr.write(f"[demo] {result.slug} FAILED:\n{result.error}")
                    continue
                ready.append(result.slug)
                self._say(
                    opts,
                    f"[demo] {result.slug} ready ({len(ready)} of {len(everything)}) "
                    f"in {result.seconds:.1f}s ({result.detail})",
                )
        if failed:
            raise CommandError(
                "seeding failed for " + ", ".join(r.slug for r in failed) + " (see above)"
            )
        if not opts["quiet"]:
            pending = [slug for slug in everything if slug not in ready]
            self._print_summary(
                ready=ready, pending=pending, total=len(everything), stage=opts["stage"]
            )

    def _seed(
        self,
        slugs: list[str],
        scale: float,
        jobs: int,
        opts: dict[str, Any],
        progress: tuple[list[str], list[str]],
    ) -> Any:
        ready, everything = progress
        if jobs == 1 or len(slugs) < 2:
            for slug in slugs:
                spec, offices = next((s, o) for s, o in DEMO if s.slug == slug)
                self._say(
                    opts,
                    f"[demo] seeding {slug} ({len(ready) + 1} of {len(everything)})…",
                )
                yield ministry_demo_seed(spec=spec, offices=offices, scale=scale)
            return
        self._say(
            opts,
            f"[demo] seeding {len(slugs)} ministries, {min(jobs, len(slugs))} at a time "
            f"({len(ready)} of {len(everything)} ready)…",
        )
        # Forked workers share the loaded apps and the password hash; the database
        # connection is not shareable, so each worker opens its own.
        connections.close_all()
        self.stdout.flush()
        sys.stdout.flush()
        # Stopped by `make run` (SIGTERM): the `finally` below takes the workers down too.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        pool = multiprocessing.get_context("fork").Pool(processes=min(jobs, len(slugs)))
        try:
            yield from pool.imap_unordered(_seed_in_child, [(slug, scale) for slug in slugs])
            pool.close()
        finally:
            pool.terminate()
            pool.join()

    def _say(self, opts: dict[str, Any], msg: str) -> None:
        if not opts["quiet"]:
            self.stdout.write(msg)
            # Progress is read as it happens, also through a pipe (honcho, make run | tee).
            self.stdout.flush()

    def _print_summary(
        self, *, ready: list[str], pending: list[str], total: int, stage: str
    ) -> None:
        port = settings.PLATFORM_PORT
        w = self.stdout.write
        w("")
        w("=" * 72)
        if stage == "rest":
            w(f"All {total} demo ministries are ready.")
        else:
            w(
                f"LabourHub is starting on http://{settings.PLATFORM_DOMAIN}:{port}/ "
                "(coordination unit: all ministries)"
            )
        w(f"Ready ({len(ready)} of {total} demo ministries):")
        for spec, _offices in DEMO:
            ministry = ministry_get(slug=spec.slug) if spec.slug in ready else None
            if ministry is None:
                continue
            url = ministry_url(ministry=ministry)
            w(f"  {spec.slug:<12} {url:<38} staff: {url}app/   CMS: {url}cms-admin/")
        if pending:
            w(
                f"Still being prepared ({len(pending)} of {total}; each is announced here when "
                "ready, until then its pages may be empty or missing): " + ", ".join(pending)
            )
        w("")
        w(f"Demo logins in every ministry (password for all: {DEMO_PASSWORD}):")
        w("  " + ", ".join(f"{u} ({r.label})" for r, u in ROLE_USERNAMES.items()))
        w("API docs: <ministry URL>api/v1/docs/   Stop everything with Ctrl-C.")
        w("=" * 72)
