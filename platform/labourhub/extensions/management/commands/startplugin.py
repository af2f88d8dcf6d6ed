"""``manage.py startplugin <cc> <name>``: a new plugin distribution under plugins/."""

import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from labourhub.extensions.plugin import core_version

SCAFFOLD = Path(__file__).resolve().parents[2] / "scaffold"
CC_RE = re.compile(r"^[a-z]{2}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def scaffold_values(cc: str, name: str) -> dict[str, str]:
    cc, name = cc.lower(), name.lower()
    if not CC_RE.match(cc):
        raise CommandError(_("The country code must be two letters (ISO 3166-1), or xx."))
    if not NAME_RE.match(name) or len(name) > 40:
        raise CommandError(
            _("The name must be lower-case words joined by hyphens, e.g. child-labour.")
        )
    under = name.replace("-", "_")
    major, minor = (int(p) for p in core_version().split(".")[:2])
    return {
        "__CC__": cc,
        "__COUNTRIES__": '["*"]' if cc == "xx" else f'["{cc.upper()}"]',
        "__NAME__": name,
        "__TITLE__": name.replace("-", " ").capitalize(),
        "__DIST__": f"labourhub-plugin-{cc}-{name}",
        "__PKG__": f"labourhub_{cc}_{under}",
        "__LABEL__": f"{cc}_{under}",
        "__SLUG__": f"{cc}-{name}",
        "__CLASS__": "".join(p.capitalize() for p in [cc, *name.split("-")]),
        "__REQUIRES__": f">={major}.{minor},<{major + 1}" if major else f">={major}.{minor},<1",
    }


def scaffold_write(*, cc: str, name: str, directory: Path) -> Path:
    values = scaffold_values(cc, name)
    target = directory / values["__DIST__"]
    if target.exists():
        raise CommandError(
            _("%(path)s already exists; choose another name or remove it.") % {"path": target}
        )
    for source in sorted(SCAFFOLD.rglob("*")):
        if source.is_dir() or source.name.endswith((".pyc",)) or "__pycache__" in source.parts:
            continue
        relative = str(source.relative_to(SCAFFOLD))
        for key, value in values.items():
            relative = relative.replace(key, value)
        dest = target / relative.removesuffix(".tmpl")
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        dest.write_text(text, encoding="utf-8")
    return target


class Command(BaseCommand):
    help = "Create a new LabourHub plugin distribution: startplugin <cc> <name>."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("cc", help="ISO 3166-1 alpha-2 country code, or xx")
        parser.add_argument("name", help="module name, lower-case with hyphens")
        parser.add_argument(
            "--directory", default=str(Path(getattr(settings, "BASE_DIR", Path.cwd())) / "plugins")
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        target = scaffold_write(cc=opts["cc"], name=opts["name"], directory=Path(opts["directory"]))
        self.stdout.write(f"Created {target}")
        self.stdout.write(
            "Next: make test (installs it), then activate it for a ministry in "
            "the console; see docs/plugins/tutorial.md."
        )
