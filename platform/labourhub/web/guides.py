"""The user guides (docs/user/*.md), served inside the app so each role reaches its own.

The guides are Markdown files kept with the code (they describe it, and a test keeps each role's
guide present); the production image copies the repository, so the same files are read in
``make run`` and in production. Only the names listed in ``GUIDES`` are ever opened, never a
path taken from the URL.
"""

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

from labourhub.accounts.roles import Role

GUIDE_DIR = Path(settings.BASE_DIR) / "docs" / "user"
IMAGE_DIR = GUIDE_DIR / "img"

GUIDES = {
    "inspector": _("Inspector"),
    "inspector-offline": _("Inspector: working offline"),
    "supervisor": _("Supervisor and office head"),
    "legal-officer": _("Legal officer"),
    "clerk": _("Clerk"),
    "clerk-portal": _("Clerk: portal accounts and submissions"),
    "director": _("Director, authorising official and analyst"),
    "administrator": _("System administrator"),
    "occupational-physician": _("Occupational physician"),
    "pes-officer": _("Employment service officer"),
    "employer-portal": _("Employers and workers on the portal"),
    "web-editor": _("Web editor (the ministry's LMI website)"),
    "coordination-unit": _("Coordination unit"),
}

# The guide each role opens from the "Help" link; the first of the user's roles wins.
ROLE_GUIDES: dict[str, str] = {
    Role.SYSTEM_ADMIN: "administrator",
    Role.AUTHORISING_OFFICIAL: "director",
    Role.DIRECTOR: "director",
    Role.OFFICE_HEAD: "supervisor",
    Role.SUPERVISOR: "supervisor",
    Role.INSPECTOR: "inspector",
    Role.LEGAL_OFFICER: "legal-officer",
    Role.OSH_ENGINEER: "inspector",
    Role.OCCUPATIONAL_PHYSICIAN: "occupational-physician",
    Role.CLERK: "clerk",
    Role.ANALYST: "director",
    Role.PES_OFFICER: "pes-officer",
    Role.EMPLOYER: "employer-portal",
    Role.WORKER: "employer-portal",
}

_md = MarkdownIt("commonmark", {"html": False}).enable("table")


def _rewrite_links(html: str) -> str:
    # Guides link to each other as "supervisor.md" (so they also read well in the repository);
    # inside the app the same guide is at "supervisor" next to this one.
    for slug in GUIDES:
        html = html.replace(f'href="{slug}.md', f'href="{slug}')
    return html


def guide_html(*, slug: str) -> str | None:
    """The guide rendered to HTML, or None when there is no such guide."""
    if slug not in GUIDES:
        return None
    path = GUIDE_DIR / f"{slug}.md"
    if not path.is_file():
        return None
    return _rewrite_links(_md.render(path.read_text(encoding="utf-8")))


def guide_image_path(*, name: str) -> Path | None:
    """A screenshot of the guides, only a plain ``*.png`` file name from the image folder."""
    if not name.endswith(".png") or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = IMAGE_DIR / name
    return path if path.is_file() else None


def guide_for_roles(roles: list[Role]) -> str | None:
    for role in roles:
        slug = ROLE_GUIDES.get(role)
        if slug is not None:
            return slug
    return None
