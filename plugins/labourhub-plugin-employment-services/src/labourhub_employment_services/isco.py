"""A small bundled ISCO-08 table (major and sub-major groups) and ISIC Rev.4 sections.

Names are the ILO's titles in English, Spanish (CIUO-08 / CIIU) and French (CITP-08 / CITI),
kept as data rather than message catalogues so a ministry's language picks them directly.
Codes are stored; people only ever see the names.
"""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import get_language


@dataclass(frozen=True)
class Group:
    code: str
    en: str
    es: str
    fr: str

    @property
    def major(self) -> str:
        return self.code[0]

    def name(self, language: str | None = None) -> str:
        lang = (language or get_language() or "en")[:2]
        return str(getattr(self, lang, None) or self.en)


_MAJOR = [
    ("1", "Managers", "Directores y gerentes", "Directeurs, cadres de direction et gérants"),
    (
        "2",
        "Professionals",
        "Profesionales científicos e intelectuales",
        "Professions intellectuelles et scientifiques",
    ),
    (
        "3",
        "Technicians and associate professionals",
        "Técnicos y profesionales de nivel medio",
        "Professions intermédiaires",
    ),
    (
        "4",
        "Clerical support workers",
        "Personal de apoyo administrativo",
        "Employés de type administratif",
    ),
    (
        "5",
        "Service and sales workers",
        "Trabajadores de los servicios y vendedores de comercios y mercados",
        "Personnel des services directs aux particuliers, commerçants et vendeurs",
    ),
    (
        "6",
        "Skilled agricultural, forestry and fishery workers",
        "Agricultores y trabajadores calificados agropecuarios, forestales y pesqueros",
        "Agriculteurs et ouvriers qualifiés de l'agriculture, de la sylviculture et de la pêche",
    ),
    (
        "7",
        "Craft and related trades workers",
        "Oficiales, operarios y artesanos de artes mecánicas y de otros oficios",
        "Métiers qualifiés de l'industrie et de l'artisanat",
    ),
    (
        "8",
        "Plant and machine operators, and assemblers",
        "Operadores de instalaciones y máquinas y ensambladores",
        "Conducteurs d'installations et de machines, et ouvriers de l'assemblage",
    ),
    ("9", "Elementary occupations", "Ocupaciones elementales", "Professions élémentaires"),
    ("0", "Armed forces occupations", "Ocupaciones militares", "Professions militaires"),
]

_SUB_MAJOR = [
    ("11", "Chief executives, senior officials and legislators",
     "Miembros del poder ejecutivo y de los cuerpos legislativos, directores ejecutivos",
     "Directeurs généraux, cadres supérieurs et membres de l'exécutif et des corps législatifs"),
    ("12", "Administrative and commercial managers",
     "Directores administrativos y comerciales", "Directeurs de services administratifs et commerciaux"),
    ("13", "Production and specialised services managers",
     "Directores y gerentes de producción y operaciones",
     "Directeurs et cadres de direction, production et services spécialisés"),
    ("14", "Hospitality, retail and other services managers",
     "Gerentes de hoteles, restaurantes, comercios y otros servicios",
     "Directeurs et gérants de l'hôtellerie, la restauration, le commerce et autres services"),
    ("21", "Science and engineering professionals",
     "Profesionales de las ciencias y de la ingeniería", "Spécialistes des sciences techniques"),
    ("22", "Health professionals", "Profesionales de la salud", "Spécialistes de la santé"),
    ("23", "Teaching professionals", "Profesionales de la enseñanza", "Spécialistes de l'enseignement"),
    ("24", "Business and administration professionals",
     "Especialistas en organización de la administración pública y de empresas",
     "Spécialistes en administration d'entreprises"),
    ("25", "Information and communications technology professionals",
     "Profesionales de tecnología de la información y las comunicaciones",
     "Spécialistes des technologies de l'information et des communications"),
    ("26", "Legal, social and cultural professionals",
     "Profesionales en derecho, en ciencias sociales y culturales",
     "Spécialistes de la justice, des sciences sociales et de la culture"),
    ("31", "Science and engineering associate professionals",
     "Profesionales de las ciencias y la ingeniería de nivel medio",
     "Professions intermédiaires des sciences et techniques"),
    ("32", "Health associate professionals", "Profesionales de nivel medio de la salud",
     "Professions intermédiaires de la santé"),
    ("33", "Business and administration associate professionals",
     "Profesionales de nivel medio en operaciones financieras y administrativas",
     "Professions intermédiaires, finance et administration"),
    ("34", "Legal, social, cultural and related associate professionals",
     "Profesionales de nivel medio de servicios jurídicos, sociales, culturales y afines",
     "Professions intermédiaires des services juridiques, des services sociaux et assimilés"),
    ("35", "Information and communications technicians",
     "Técnicos de la tecnología de la información y las comunicaciones",
     "Techniciens de l'information et des communications"),
    ("41", "General and keyboard clerks", "Oficinistas",
     "Employés de bureau, fonctions générales et employés de saisie"),
    ("42", "Customer services clerks", "Empleados en trato directo con el público",
     "Employés de réception, guichetiers et assimilés"),
    ("43", "Numerical and material recording clerks",
     "Empleados contables y encargados del registro de materiales",
     "Employés des services comptables et d'approvisionnement"),
    ("44", "Other clerical support workers", "Otro personal de apoyo administrativo",
     "Autres employés de type administratif"),
    ("51", "Personal service workers", "Trabajadores de los servicios personales",
     "Personnel des services directs aux particuliers"),
    ("52", "Sales workers", "Vendedores", "Commerçants et vendeurs"),
    ("53", "Personal care workers", "Trabajadores de los cuidados personales",
     "Personnel soignant"),
    ("54", "Protective services workers", "Personal de los servicios de protección",
     "Personnel des services de protection et de sécurité"),
    ("61", "Market-oriented skilled agricultural workers",
     "Agricultores y trabajadores calificados de explotaciones agropecuarias con destino al mercado",
     "Agriculteurs et ouvriers qualifiés des cultures et de l'élevage à but commercial"),
    ("62", "Market-oriented skilled forestry, fishery and hunting workers",
     "Trabajadores forestales calificados, pescadores y cazadores",
     "Professions commerciales qualifiées de la sylviculture, de la pêche et de la chasse"),
    ("63", "Subsistence farmers, fishers, hunters and gatherers",
     "Trabajadores agropecuarios, pescadores, cazadores y recolectores de subsistencia",
     "Agriculteurs, pêcheurs, chasseurs et cueilleurs de subsistance"),
    ("71", "Building and related trades workers, excluding electricians",
     "Oficiales y operarios de la construcción excluyendo electricistas",
     "Métiers qualifiés du bâtiment et assimilés, sauf électriciens"),
    ("72", "Metal, machinery and related trades workers",
     "Oficiales y operarios de la metalurgia, la construcción mecánica y afines",
     "Métiers qualifiés de la métallurgie, de la construction mécanique et assimilés"),
    ("73", "Handicraft and printing workers", "Artesanos y operarios de las artes gráficas",
     "Métiers qualifiés de l'artisanat et de l'imprimerie"),
    ("74", "Electrical and electronic trades workers",
     "Trabajadores especializados en electricidad y la electrotecnología",
     "Métiers de l'électricité et de l'électrotechnique"),
    ("75", "Food processing, wood working, garment and other craft and related trades workers",
     "Operarios y oficiales de procesamiento de alimentos, de la confección, ebanistas y otros",
     "Métiers de l'alimentation, du travail du bois, de l'habillement et autres métiers qualifiés"),
    ("81", "Stationary plant and machine operators",
     "Operadores de instalaciones fijas y máquinas",
     "Conducteurs de machines et d'installations fixes"),
    ("82", "Assemblers", "Ensambladores", "Ouvriers de l'assemblage"),
    ("83", "Drivers and mobile plant operators",
     "Conductores de vehículos y operadores de equipos pesados móviles",
     "Conducteurs de véhicules et d'engins lourds de levage et de manœuvre"),
    ("91", "Cleaners and helpers", "Limpiadores y asistentes", "Aides de ménage"),
    ("92", "Agricultural, forestry and fishery labourers",
     "Peones agropecuarios, pesqueros y forestales",
     "Manœuvres de l'agriculture, de la pêche et de la sylviculture"),
    ("93", "Labourers in mining, construction, manufacturing and transport",
     "Peones de la minería, la construcción, la industria manufacturera y el transporte",
     "Manœuvres des mines, du bâtiment et des travaux publics, des industries manufacturières et des transports"),
    ("94", "Food preparation assistants", "Ayudantes de preparación de alimentos",
     "Assistants de fabrication de l'alimentation"),
    ("95", "Street and related sales and service workers",
     "Vendedores ambulantes de servicios y afines",
     "Vendeurs ambulants et autres travailleurs des petits métiers des rues et assimilés"),
    ("96", "Refuse workers and other elementary workers",
     "Recolectores de desechos y otras ocupaciones elementales",
     "Éboueurs et autres travailleurs non qualifiés"),
    ("01", "Commissioned armed forces officers", "Oficiales de las fuerzas armadas",
     "Officiers des forces armées"),
    ("02", "Non-commissioned armed forces officers", "Suboficiales de las fuerzas armadas",
     "Sous-officiers des forces armées"),
    ("03", "Armed forces occupations, other ranks", "Otros miembros de las fuerzas armadas",
     "Autres membres des forces armées"),
]  # fmt: skip

# ISIC Rev.4 sections, the sector of a vacancy.
_SECTIONS = [
    ("A", "Agriculture, forestry and fishing", "Agricultura, ganadería, silvicultura y pesca",
     "Agriculture, sylviculture et pêche"),
    ("B", "Mining and quarrying", "Explotación de minas y canteras", "Activités extractives"),
    ("C", "Manufacturing", "Industrias manufactureras", "Activités de fabrication"),
    ("D", "Electricity, gas, steam and air conditioning supply",
     "Suministro de electricidad, gas, vapor y aire acondicionado",
     "Production et distribution d'électricité, de gaz, de vapeur et climatisation"),
    ("E", "Water supply; sewerage, waste management and remediation",
     "Suministro de agua; alcantarillado, gestión de desechos y descontaminación",
     "Distribution d'eau; assainissement, gestion des déchets et remise en état"),
    ("F", "Construction", "Construcción", "Construction"),
    ("G", "Wholesale and retail trade; repair of motor vehicles",
     "Comercio al por mayor y al por menor; reparación de vehículos",
     "Commerce de gros et de détail; réparation de véhicules automobiles"),
    ("H", "Transportation and storage", "Transporte y almacenamiento",
     "Transport et entreposage"),
    ("I", "Accommodation and food service activities",
     "Actividades de alojamiento y de servicio de comidas", "Hébergement et restauration"),
    ("J", "Information and communication", "Información y comunicaciones",
     "Information et communication"),
    ("K", "Financial and insurance activities", "Actividades financieras y de seguros",
     "Activités financières et d'assurances"),
    ("L", "Real estate activities", "Actividades inmobiliarias", "Activités immobilières"),
    ("M", "Professional, scientific and technical activities",
     "Actividades profesionales, científicas y técnicas",
     "Activités spécialisées, scientifiques et techniques"),
    ("N", "Administrative and support service activities",
     "Actividades de servicios administrativos y de apoyo",
     "Activités de services administratifs et d'appui"),
    ("O", "Public administration and defence; compulsory social security",
     "Administración pública y defensa; planes de seguridad social de afiliación obligatoria",
     "Administration publique et défense; sécurité sociale obligatoire"),
    ("P", "Education", "Enseñanza", "Enseignement"),
    ("Q", "Human health and social work activities",
     "Actividades de atención de la salud humana y de asistencia social",
     "Santé humaine et action sociale"),
    ("R", "Arts, entertainment and recreation",
     "Actividades artísticas, de entretenimiento y recreativas",
     "Arts, spectacles et activités récréatives"),
    ("S", "Other service activities", "Otras actividades de servicios",
     "Autres activités de services"),
    ("T", "Activities of households as employers",
     "Actividades de los hogares como empleadores", "Activités des ménages en tant qu'employeurs"),
    ("U", "Activities of extraterritorial organizations and bodies",
     "Actividades de organizaciones y órganos extraterritoriales",
     "Activités des organisations et organismes extraterritoriaux"),
]  # fmt: skip

MAJOR_GROUPS: dict[str, Group] = {c: Group(c, en, es, fr) for c, en, es, fr in _MAJOR}
SUB_MAJOR_GROUPS: dict[str, Group] = {c: Group(c, en, es, fr) for c, en, es, fr in _SUB_MAJOR}
SECTIONS: dict[str, Group] = {c: Group(c, en, es, fr) for c, en, es, fr in _SECTIONS}


def fold(text: str) -> str:
    """Lower case without accents: 'Électricité' and 'electricite' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def occupation_name(code: str) -> str:
    group = SUB_MAJOR_GROUPS.get(code) or MAJOR_GROUPS.get(code)
    return group.name() if group else ""


def sector_name(code: str) -> str:
    section = SECTIONS.get(code)
    return section.name() if section else ""


def occupation_choices() -> list[tuple[str, str]]:
    """Sub-major groups, labelled in the active language, grouped order by code."""
    return [(g.code, g.name()) for g in SUB_MAJOR_GROUPS.values()]


def sector_choices() -> list[tuple[str, str]]:
    return [(s.code, s.name()) for s in SECTIONS.values()]


def occupation_search(query: str, *, limit: int = 20) -> list[Group]:
    """Sub-major groups whose name, in any of the bundled languages, holds every word."""
    words = [fold(w) for w in query.split() if w.strip()][:8]
    if not words:
        return []
    found = []
    for group in SUB_MAJOR_GROUPS.values():
        haystack = fold(" ".join((group.en, group.es, group.fr, MAJOR_GROUPS[group.major].en)))
        if all(w in haystack for w in words):
            found.append(group)
    return found[:limit]
