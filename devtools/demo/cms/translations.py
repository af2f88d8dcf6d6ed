"""Spanish and French wording of the demo LMI site, seeded for the ministries that speak them.

Pages are translated with Wagtail's copy-for-translation (same translation key, so the CMS admin
and wagtail-localize list them as translations); indicator names, definitions, dimension names
and legend labels are translated snippets (cms.models.texts).
"""

from django.db import connection
from wagtail.models import Locale, Page

from cms.models import (
    Dimension,
    DimensionText,
    DimensionValue,
    DimensionValueText,
    HomePage,
    Indicator,
    IndicatorText,
)

# code -> {language: (name, definition)}
INDICATORS: dict[str, dict[str, tuple[str, str]]] = {
    "unemployment-rate": {
        "es": (
            "Tasa de desocupación",
            "Personas en edad de trabajar sin empleo, disponibles y en busca de trabajo, como "
            "porcentaje de la fuerza de trabajo (OIT, 19.ª CIET).",
        ),
        "fr": (
            "Taux de chômage",
            "Personnes en âge de travailler sans emploi, disponibles et en recherche d'emploi, "
            "en pourcentage de la main-d'œuvre (OIT, 19e CIST).",
        ),
    },
    "labour-force-participation-rate": {
        "es": (
            "Tasa de participación en la fuerza de trabajo",
            "La fuerza de trabajo como porcentaje de la población en edad de trabajar (OIT).",
        ),
        "fr": (
            "Taux d'activité",
            "La main-d'œuvre en pourcentage de la population en âge de travailler (OIT).",
        ),
    },
    "employment-to-population-ratio": {
        "es": (
            "Relación empleo-población",
            "Personas ocupadas como porcentaje de la población en edad de trabajar (OIT).",
        ),
        "fr": (
            "Ratio emploi-population",
            "Personnes en emploi en pourcentage de la population en âge de travailler (OIT).",
        ),
    },
    "employment-by-sector": {
        "es": (
            "Empleo por sector económico",
            "Personas ocupadas por gran sector de la CIIU Rev.4, en miles (OIT).",
        ),
        "fr": (
            "Emploi par secteur économique",
            "Personnes en emploi par grand secteur de la CITI Rév.4, en milliers (OIT).",
        ),
    },
    "informal-employment-rate": {
        "es": (
            "Tasa de empleo informal",
            "Empleo informal como porcentaje del empleo total (OIT, 17.ª CIET).",
        ),
        "fr": (
            "Taux d'emploi informel",
            "Emploi informel en pourcentage de l'emploi total (OIT, 17e CIST).",
        ),
    },
    "youth-neet-rate": {
        "es": (
            "Jóvenes que no estudian, no trabajan ni reciben formación",
            "Proporción de personas de 15 a 24 años sin empleo, educación ni formación (OIT).",
        ),
        "fr": (
            "Jeunes ni en emploi, ni en études, ni en formation",
            "Part des 15-24 ans ni en emploi, ni en études, ni en formation (OIT).",
        ),
    },
    "fatal-injury-rate": {
        "es": (
            "Lesiones profesionales mortales por 100.000 trabajadores",
            "Lesiones profesionales mortales por cada 100.000 trabajadores (OIT).",
        ),
        "fr": (
            "Accidents du travail mortels pour 100 000 travailleurs",
            "Lésions professionnelles mortelles pour 100 000 travailleurs (OIT).",
        ),
    },
    "insured-workers": {
        "es": (
            "Trabajadores que cotizan a la seguridad social",
            "Personas con al menos una cotización en el año, en miles.",
        ),
        "fr": (
            "Travailleurs cotisant à la sécurité sociale",
            "Personnes ayant au moins une cotisation dans l'année, en milliers.",
        ),
    },
    "occupational-accidents": {
        "es": (
            "Accidentes de trabajo notificados",
            "Accidentes de trabajo notificados al sistema de seguridad social.",
        ),
        "fr": (
            "Accidents du travail déclarés",
            "Accidents du travail déclarés au régime de sécurité sociale.",
        ),
    },
    "labour-inspections": {
        "es": (
            "Inspecciones de trabajo realizadas",
            "Visitas de inspección concluidas por la inspección del trabajo.",
        ),
        "fr": (
            "Inspections du travail réalisées",
            "Visites d'inspection achevées par l'inspection du travail.",
        ),
    },
    "violations-found": {
        "es": (
            "Infracciones constatadas por sector",
            "Infracciones a la legislación laboral registradas en las inspecciones.",
        ),
        "fr": (
            "Infractions constatées par secteur",
            "Infractions au droit du travail relevées lors des inspections.",
        ),
    },
    "complaints-resolved": {
        "es": ("Denuncias resueltas", "Denuncias de trabajadores cerradas con una resolución."),
        "fr": ("Plaintes traitées", "Plaintes de travailleurs clôturées par une décision."),
    },
    "mean-monthly-earnings": {
        "es": (
            "Ingreso mensual medio de los asalariados",
            "Ingreso mensual nominal medio de los asalariados, en moneda nacional (OIT).",
        ),
        "fr": (
            "Salaire mensuel moyen des salariés",
            "Salaire mensuel nominal moyen des salariés, en monnaie nationale (OIT).",
        ),
    },
}
DIMENSIONS = {
    "sex": {"es": "Sexo", "fr": "Sexe"},
    "age": {"es": "Grupo de edad", "fr": "Groupe d'âge"},
    "sector": {"es": "Sector económico", "fr": "Secteur économique"},
}
VALUES = {
    ("sex", "F"): {"es": "Mujeres", "fr": "Femmes"},
    ("sex", "M"): {"es": "Hombres", "fr": "Hommes"},
    ("sector", "AGR"): {"es": "Agricultura", "fr": "Agriculture"},
    ("sector", "IND"): {"es": "Industria", "fr": "Industrie"},
    ("sector", "SER"): {"es": "Servicios", "fr": "Services"},
}
# English page title -> {language: (title, intro or body text)}
PAGES: dict[str, dict[str, tuple[str, str]]] = {
    "Employment and unemployment": {
        "es": ("Empleo y desocupación", "Empleo y desocupación: definiciones, series y descargas."),
        "fr": ("Emploi et chômage", "Emploi et chômage : définitions, séries et téléchargements."),
    },
    "Social insurance and safety at work": {
        "es": ("Seguridad social y seguridad en el trabajo", "Definiciones, series y descargas."),
        "fr": (
            "Sécurité sociale et sécurité au travail",
            "Définitions, séries et téléchargements.",
        ),
    },
    "Labour inspection": {
        "es": ("Inspección del trabajo", "Definiciones, series y descargas."),
        "fr": ("Inspection du travail", "Définitions, séries et téléchargements."),
    },
    "Data catalogue": {
        "es": ("Catálogo de datos", "Todos los indicadores, en CSV, Excel y SDMX-JSON."),
        "fr": ("Catalogue de données", "Tous les indicateurs, en CSV, Excel et SDMX-JSON."),
    },
    "Release calendar": {
        "es": ("Calendario de publicaciones", ""),
        "fr": ("Calendrier des publications", ""),
    },
    "News": {"es": ("Noticias", ""), "fr": ("Actualités", "")},
    "Publications": {"es": ("Publicaciones", ""), "fr": ("Publications", "")},
    "About these statistics": {
        "es": ("Acerca de estas estadísticas", "Fuentes, métodos y política de revisiones."),
        "fr": ("À propos de ces statistiques", "Sources, méthodes et politique de révision."),
    },
    "Contact": {
        "es": ("Contacto", "Escriba a la unidad de información del mercado laboral."),
        "fr": ("Contact", "Écrivez au service d'information sur le marché du travail."),
    },
    "Accessibility statement": {
        "es": (
            "Declaración de accesibilidad",
            "Este sitio busca cumplir las WCAG 2.1 nivel AA. Cada gráfico tiene su tabla de "
            "datos. Para señalar un problema, escriba a la unidad de información.",
        ),
        "fr": (
            "Déclaration d'accessibilité",
            "Ce site vise la conformité WCAG 2.1 niveau AA. Chaque graphique a son tableau de "
            "données. Signalez un problème au service d'information.",
        ),
    },
    "Open data licence": {
        "es": (
            "Licencia de datos abiertos",
            "Los datos se publican bajo la licencia Creative Commons Atribución 4.0 (CC BY 4.0): "
            "puede reutilizarlos citando la fuente.",
        ),
        "fr": (
            "Licence des données ouvertes",
            "Les données sont publiées sous licence Creative Commons Attribution 4.0 "
            "(CC BY 4.0) : réutilisation libre en citant la source.",
        ),
    },
    "Unemployment rate by sex": {
        "es": ("Tasa de desocupación por sexo", ""),
        "fr": ("Taux de chômage par sexe", ""),
    },
}
HOME_INTRO = {
    "es": "<p>Información oficial del mercado laboral: indicadores, publicaciones y datos "
    "abiertos.</p>",
    "fr": "<p>Information officielle sur le marché du travail : indicateurs, publications et "
    "données ouvertes.</p>",
}


def ministry_content_languages() -> list[str]:
    """The seeded translations this ministry speaks (Spanish, French), besides English."""
    tenant = getattr(connection, "tenant", None)
    spoken = list(getattr(tenant, "languages", []) or [])
    return [code for code in ("es", "fr") if code in spoken]


def texts_seed(languages: list[str]) -> None:
    source = Locale.get_default()
    for ind in Indicator.objects.all():
        base = IndicatorText.objects.create(
            indicator=ind, name=ind.name, definition=ind.definition, locale=source
        )
        for lang in languages:
            name, definition = INDICATORS.get(ind.code, {}).get(lang, (ind.name, ind.definition))
            copy = base.copy_for_translation(Locale.objects.get(language_code=lang))
            copy.name, copy.definition = name, definition
            copy.save()
    for dim in Dimension.objects.all():
        base_dim = DimensionText.objects.create(dimension=dim, name=dim.name, locale=source)
        for lang in languages:
            copy_dim = base_dim.copy_for_translation(Locale.objects.get(language_code=lang))
            copy_dim.name = DIMENSIONS.get(dim.code, {}).get(lang, dim.name)
            copy_dim.save()
    for value in DimensionValue.objects.select_related("dimension"):
        base_value = DimensionValueText.objects.create(
            value=value, label=value.label, locale=source
        )
        for lang in languages:
            copy_value = base_value.copy_for_translation(Locale.objects.get(language_code=lang))
            key = (value.dimension.code, value.code)
            copy_value.label = VALUES.get(key, {}).get(lang, value.label)
            copy_value.save()


def _translate_page(page: Page, lang: str, locale: Locale) -> None:
    specific = page.specific
    copy = specific.copy_for_translation(locale, copy_parents=True, alias=False)
    title, text = PAGES.get(page.title, {}).get(lang, ("", ""))
    if isinstance(specific, HomePage):
        copy.intro = HOME_INTRO[lang]
        chart = PAGES["Unemployment rate by sex"][lang][0]
        copy.body = [
            (b.block_type, {**b.value, "title": chart} if b.block_type == "chart" else b.value)
            for b in specific.body
        ]
    elif hasattr(copy, "indicator"):
        title = INDICATORS.get(copy.indicator.code, {}).get(lang, (page.title, ""))[0]
    if title:
        copy.title = title
    if text and hasattr(copy, "intro"):
        copy.intro = f"<p>{text}</p>"
    elif text and hasattr(copy, "body") and not isinstance(specific, HomePage):
        copy.body = [("paragraph", f"<p>{text}</p>")]
    copy.save_revision().publish()


def pages_translate(languages: list[str]) -> None:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return
    for lang in languages:
        locale = Locale.objects.get(language_code=lang)
        # Parents before children: a translated child needs its translated parent.
        for page in Page.objects.descendant_of(home, inclusive=True).order_by("path"):
            if page.get_translation_or_none(locale) is None:
                _translate_page(page, lang, locale)


def translations_seed() -> None:
    languages = ministry_content_languages()
    for lang in languages:
        Locale.objects.get_or_create(language_code=lang)
    texts_seed(languages)
    pages_translate(languages)
