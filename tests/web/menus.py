"""The main menu of the staff app and of the portal, found by its `data-menu` marker, so a
change of styling (a class, a wrapper) never hides the menu from the tests."""

import re

MENU = re.compile(r"<nav\b[^>]*\bdata-menu\b[^>]*>(.*?)</nav>", re.S)
HREF = re.compile(r'href="([^"#]*)')


def menu_html(page: str) -> str:
    found = MENU.search(page)
    assert found, "the page has no main menu"
    return found.group(1)


def menu_links(page: str, *, prefix: str = "/") -> list[str]:
    """The menu's links inside the site (without fragments), each once, sorted."""
    return sorted({h for h in HREF.findall(menu_html(page)) if h.startswith(prefix)})
