from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction
from django.db.models import Q
from wagtail.models import GroupPagePermission, Locale, Page, Site

from cms.models import HomePage

DEFAULT_INTRO = "<p>Official labour market information: indicators, publications and open data.</p>"


@transaction.atomic
def site_bootstrap(*, site_name: str, hostname: str, port: int) -> Site:
    """Give the current schema its LMI home page and point its Wagtail Site at ``hostname``.

    Idempotent. Wagtail's own migration leaves a generic 'Welcome' page; it is replaced.
    """
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title=site_name, slug="home-lmi", intro=DEFAULT_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
    elif home.title != site_name:
        home.title = site_name
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = hostname, port, site_name, home
    site.save()
    # The placeholder page from Wagtail's initial data is a plain Page at depth 2.
    Page.objects.filter(depth=2, content_type__model="page").exclude(pk=home.pk).delete()
    locales_ensure()
    return site


def locales_ensure() -> None:
    """A Wagtail locale for each of the ministry's languages, so editors can translate into it."""
    content = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    for code in getattr(getattr(connection, "tenant", None), "languages", None) or []:
        if code in content:
            Locale.objects.get_or_create(language_code=code)


LMI_EDITOR_MODELS = [
    "indicator",
    "agency",
    "dimension",
    "release",
    "lmisettings",
    "indicatortext",
    "dimensiontext",
    "dimensionvaluetext",
]


def lmi_editor_group_ensure() -> Group:
    """The Wagtail group for LMI editors: admin access, page publishing, indicator snippets."""
    group, _created = Group.objects.get_or_create(name="LMI editors")
    perms = Permission.objects.filter(
        Q(content_type__app_label="wagtailadmin", codename="access_admin")
        | Q(content_type__app_label="cms", content_type__model__in=LMI_EDITOR_MODELS)
        # Translating pages and snippets (wagtail-localize's "Translate" action).
        | Q(content_type__app_label="wagtail_localize", codename="submit_translation")
        | Q(
            content_type__app_label="wagtaildocs",
            codename__in=["add_document", "change_document", "choose_document"],
        )
    )
    group.permissions.add(*perms)
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group
