from django.db import transaction
from wagtail.models import Page, Site

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
    return site
