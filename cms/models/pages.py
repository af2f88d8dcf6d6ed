import re
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import BODY_BLOCKS
from cms.models.indicators import Indicator

CACHE_VERSION_KEY = "lmi:version"
PAGE_CACHE_SECONDS = 60 * 60
CSRF_PLACEHOLDER = b"__lmi_csrf_token__"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*"')


def cache_version() -> int:
    # The cache's key function prefixes the schema, so each ministry has its own version.
    return int(cache.get_or_set(CACHE_VERSION_KEY, 1, timeout=None) or 1)


def footer_links(*, locale_id: int) -> list[Page]:
    """Contact, release calendar and the pages marked for the footer, in the page's language."""
    links: list[Page] = []
    for model, extra in (
        ("cms.ContactPage", {}),
        ("cms.ReleaseCalendarPage", {}),
        ("cms.StandardPage", {"in_footer": True}),
    ):
        links.extend(
            apps.get_model(model)
            .objects.live()
            .filter(locale_id=locale_id, **extra)
            .order_by("path")
        )
    return links


class CachedPage(Page):
    """Anonymous GETs are served from the per-ministry cache until something is published."""

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        root = site.root_page if site is not None else None
        if root is not None:
            # The navigation and footer of this page's language (its translated site root).
            root = root.get_translation_or_none(self.locale) or root
        context["site_root"] = root
        context["site_nav"] = (
            root.get_children().live().in_menu().specific() if root is not None else []
        )
        context["footer_links"] = footer_links(locale_id=self.locale_id)
        return context

    def get_url_parts(self, request: HttpRequest | None = None) -> Any:
        """Links keep the visitor's language while a page has no translation into it.

        Wagtail addresses an untranslated page in its own language (/en/...), which would switch
        a Sinhala or Vietnamese reader's whole interface to English on the next click.
        """
        parts = super().get_url_parts(request)
        active = translation.get_language()
        if parts is None or not active:
            return parts
        site_id, root_url, page_path = parts
        own = f"/{self.locale.language_code}/"
        if (
            active != self.locale.language_code
            and page_path.startswith(own)
            and not Page.objects.filter(
                translation_key=self.translation_key, locale__language_code=active
            ).exists()
        ):
            page_path = f"/{active}/{page_path[len(own) :]}"
        return site_id, root_url, page_path

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        cacheable = (
            request.method == "GET" and not request.GET and not request.user.is_authenticated
        )
        if not cacheable:
            return super().serve(request, *args, **kwargs)  # type: ignore[no-any-return]
        key = f"lmi:page:{self.pk}:{translation.get_language()}:{cache_version()}"
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            # The shell's language form carries a CSRF token; each visitor needs their own.
            token = get_token(request).encode()
            response = HttpResponse(
                content.replace(CSRF_PLACEHOLDER, token), content_type=content_type
            )
            response["X-LMI-Cache"] = "hit"
            return response
        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200:
            content = CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb'"', response.content)
            cache.set(key, (content, response["Content-Type"]), PAGE_CACHE_SECONDS)
        response["X-LMI-Cache"] = "miss"
        return response  # type: ignore[no-any-return]


class HomePage(CachedPage):
    """The root of a ministry's public Labour Market Information site."""

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("body"))
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms.selectors import headline_list

        context = super().get_context(request, *args, **kwargs)
        context["headlines"] = headline_list()
        context["news"] = NewsPage.objects.live().filter(locale=self.locale).order_by("-date")[:3]
        context["sections"] = self.get_children().live().in_menu()
        return context


class StandardPage(CachedPage):
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("body"))
    in_footer = models.BooleanField(
        _("link from the footer"),
        default=False,
        help_text=_("For the accessibility statement, the open-data licence and similar pages."),
    )
    content_panels = [*Page.content_panels, FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("in_footer")]

    class Meta:
        verbose_name = _("standard page")


class NewsIndexPage(CachedPage):
    subpage_types = ["cms.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["items"] = NewsPage.objects.child_of(self).live().order_by("-date")
        return context


class NewsPage(CachedPage):
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("body"))
    parent_page_types = ["cms.NewsIndexPage"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("news item")


class PublicationIndexPage(CachedPage):
    subpage_types = ["cms.PublicationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("publications index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["items"] = (
            PublicationPage.objects.child_of(self)
            .live()
            .select_related("document")
            .order_by("-date")
        )
        return context


class PublicationPage(CachedPage):
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), blank=True)
    # Wagtail documents go to the default storage: the ministry's prefix in object storage.
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("report (PDF)"),
    )
    parent_page_types = ["cms.PublicationIndexPage"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]

    class Meta:
        verbose_name = _("publication")


class TopicPage(CachedPage):
    """Groups indicator pages (its children) and may add charts of its own."""

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("body"))
    subpage_types = ["cms.IndicatorPage", "cms.StandardPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("topic")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["indicator_pages"] = (
            IndicatorPage.objects.child_of(self).live().select_related("indicator")
        )
        return context


class IndicatorPage(CachedPage):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="pages", verbose_name=_("indicator")
    )
    breakdown = models.CharField(
        _("chart breakdown"),
        max_length=32,
        blank=True,
        help_text=_("Dimension code for the chart lines, e.g. sex; empty shows the total."),
    )
    commentary = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("commentary"))
    content_panels = [
        *Page.content_panels,
        FieldPanel("indicator"),
        FieldPanel("breakdown"),
        FieldPanel("commentary"),
    ]

    class Meta:
        verbose_name = _("indicator page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms.selectors import observation_changes, release_list, series_matrix

        context = super().get_context(request, *args, **kwargs)
        context["matrix"] = series_matrix(
            indicator=self.indicator, breakdown=self.breakdown or None
        )
        context["changes"] = observation_changes(indicator=self.indicator)[:20]
        context["releases"] = release_list(indicator=self.indicator, upcoming=True)[:3]
        return context


class DataCataloguePage(CachedPage):
    intro = RichTextField(_("introduction"), blank=True)
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("data catalogue")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms.selectors import catalogue_list

        context = super().get_context(request, *args, **kwargs)
        context["entries"] = catalogue_list()
        return context


class ReleaseCalendarPage(CachedPage):
    intro = RichTextField(_("introduction"), blank=True)
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("release calendar")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms.selectors import release_list

        context = super().get_context(request, *args, **kwargs)
        context["upcoming"] = release_list(upcoming=True)
        context["past"] = release_list(upcoming=False)[:20]
        return context


class ContactPage(CachedPage):
    intro = RichTextField(_("introduction"), blank=True)
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from labourhub.accounts.models import Office

        context = super().get_context(request, *args, **kwargs)
        context["offices"] = Office.objects.select_related("parent").order_by("code")
        return context
