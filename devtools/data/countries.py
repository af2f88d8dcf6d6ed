"""How each demo country names its people, companies and places (small curated lists).

Municipalities are real ones of the first-level division their office serves (ISO 3166-2
codes on the offices), so a demo establishment in Medellín is in Antioquia, never in a Paraguayan
town. Legal forms and tax identifiers follow each country's own conventions.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Country:
    code: str
    given_male: tuple[str, ...]
    given_female: tuple[str, ...]
    surnames: tuple[str, ...]
    # "{a} {b}" words a company is named from: trade words and proper names.
    company_words: tuple[str, ...]
    company_patterns: tuple[str, ...]
    # (legal form written after the name, or before it with a trailing space, weight)
    legal_forms: tuple[tuple[str, int], ...]
    streets: tuple[str, ...]
    address_pattern: str
    tax_id: Callable[[int, random.Random], str]
    # Two surnames (paternal, maternal) as Spanish-speaking countries write them.
    two_surnames: bool = False
    given_first: bool = True
    subjects: tuple[str, ...] = field(default=())


def _check11(digits: str, weights: tuple[int, ...]) -> int:
    total = sum(int(d) * w for d, w in zip(reversed(digits), weights, strict=False))
    rest = total % 11
    return 0 if rest in (0, 1) else 11 - rest


def nit_co(i: int, rnd: random.Random) -> str:
    """Colombian NIT: 9 digits and the DIAN check digit (weights 3, 7, 13, ...)."""
    body = f"{900000000 + i * 37 % 99999999:09d}"
    total = sum(
        int(d) * w for d, w in zip(reversed(body), (3, 7, 13, 17, 19, 23, 29, 37, 41), strict=False)
    )
    rest = total % 11
    dv = rest if rest in (0, 1) else 11 - rest
    return f"{body[:3]}.{body[3:6]}.{body[6:]}-{dv}"


def rtn_hn(i: int, rnd: random.Random) -> str:
    """Honduran RTN: 14 digits (municipality code, year, sequence)."""
    return f"0801{rnd.randint(1950, 2020)}{i:06d}"


def ruc_py(i: int, rnd: random.Random) -> str:
    """Paraguayan RUC: a company number from 80000000 and its module-11 check digit."""
    body = str(80000000 + i)
    return f"{body}-{_check11(body, (2, 3, 4, 5, 6, 7, 8, 9))}"


def ruc_pe(i: int, rnd: random.Random) -> str:
    """Peruvian RUC: 11 digits, companies start with 20, last digit a module-11 check."""
    body = f"20{(10000000 + i * 13) % 100000000:08d}"
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    dv = (11 - total % 11) % 10
    return f"{body}{dv}"


def tin_ph(i: int, rnd: random.Random) -> str:
    """Philippine TIN: 000-000-000-00000 (the last block is the branch code)."""
    n = f"{200000000 + i * 7:09d}"
    return f"{n[:3]}-{n[3:6]}-{n[6:]}-00000"


def tin_lk(i: int, rnd: random.Random) -> str:
    """Sri Lankan company registration (PV) and Inland Revenue TIN."""
    return f"PV {10000 + i:05d} / TIN {100000000 + i * 11:09d}"


def mst_vn(i: int, rnd: random.Random) -> str:
    """Vietnamese enterprise tax code (mã số thuế): 10 digits, Hà Nội numbers start with 01."""
    return f"{rnd.choice(['01', '03', '04', '02'])}{(10000000 + i * 17) % 100000000:08d}"


def trn_lc(i: int, rnd: random.Random) -> str:
    """Saint Lucian Tax Reference Number of the Inland Revenue Department."""
    return f"TRN {100000 + i:06d}"


_ES_SUBJECTS = (
    "Horas extras no pagadas",
    "Salarios atrasados",
    "Despido sin indemnización",
    "Falta de afiliación a la seguridad social",
    "Trabajo sin contrato escrito",
    "Andamios sin protección",
    "Acoso laboral",
    "Vacaciones no otorgadas",
)
# Sri Lankan workers complain in Sinhala to a Sinhala-speaking ministry (for native review).
_SI_SUBJECTS = (
    "නොගෙවූ අතිකාල දීමනා",
    "හිඟ වැටුප්",
    "දැනුම්දීමකින් තොරව සේවයෙන් ඉවත් කිරීම",
    "සේවක අර්ථසාධක අරමුදල් දායක මුදල් ගෙවා නැත",
    "ලිඛිත පත්වීම් ලිපියක් නැත",
    "අනාරක්ෂිත පලංචි",
    "සේවා ස්ථානයේ හිරිහැර",
    "වාර්ෂික නිවාඩු ප්‍රතික්ෂේප කිරීම",
)
_EN_SUBJECTS = (
    "Unpaid overtime",
    "Wage arrears",
    "Dismissal without notice",
    "No social security contributions",
    "No written contract",
    "Unsafe scaffolding",
    "Harassment at work",
    "Annual leave refused",
)

COUNTRIES: dict[str, Country] = {
    "CO": Country(
        "CO",
        ("Juan", "Carlos", "Andrés", "Jorge", "Luis", "Santiago", "Camilo", "Felipe", "Diego"),
        ("María", "Luz", "Diana", "Paola", "Carolina", "Ana", "Valentina", "Natalia", "Sandra"),
        (
            "Rodríguez",
            "Gómez",
            "González",
            "Martínez",
            "García",
            "López",
            "Hernández",
            "Ramírez",
            "Restrepo",
            "Ospina",
            "Zapata",
            "Cárdenas",
            "Vargas",
            "Castaño",
            "Mejía",
        ),
        (
            "Inversiones",
            "Confecciones",
            "Distribuidora",
            "Comercializadora",
            "Textiles",
            "Construcciones",
            "Transportes",
            "Alimentos",
            "Cafés",
            "Flores",
            "Andina",
            "Del Valle",
            "Antioqueña",
            "La Sabana",
            "El Dorado",
            "Cafetera",
            "Panadería",
            "Ferretería",
        ),
        ("{w} {s}", "{w} {w2}", "{s} y {s2}", "{w} {s} Hermanos"),
        (("S.A.S.", 60), ("Ltda.", 15), ("S.A.", 15), ("S. en C.", 5), ("E.U.", 5)),
        ("Calle", "Carrera", "Avenida", "Transversal", "Diagonal"),
        "{street} {n} # {a}-{b}",
        nit_co,
        two_surnames=True,
        subjects=_ES_SUBJECTS,
    ),
    "HN": Country(
        "HN",
        ("José", "Carlos", "Juan", "Luis", "Marvin", "Óscar", "Wilmer", "Denis", "Mario"),
        ("María", "Dania", "Karla", "Sonia", "Gloria", "Lesly", "Xiomara", "Iris", "Rosa"),
        (
            "Hernández",
            "López",
            "Martínez",
            "Rodríguez",
            "Mejía",
            "Flores",
            "Reyes",
            "Zelaya",
            "Cruz",
            "Funes",
            "Matute",
            "Lagos",
            "Banegas",
            "Cálix",
            "Velásquez",
        ),
        (
            "Maquiladora",
            "Inversiones",
            "Distribuidora",
            "Comercial",
            "Textiles",
            "Bananera",
            "Agroindustrias",
            "Café",
            "Transportes",
            "Ferretería",
            "Catracha",
            "Del Caribe",
            "Morazánica",
            "Sula",
            "Lenca",
            "Copán",
            "Palmera",
            "Panadería",
        ),
        ("{w} {s}", "{w} {w2}", "{w} {s} e Hijos"),
        (("S.A. de C.V.", 60), ("S. de R.L.", 25), ("S.A.", 10), ("S. de R.L. de C.V.", 5)),
        (
            "Barrio El Centro",
            "Colonia Kennedy",
            "Barrio Guamilito",
            "Colonia Palmira",
            "Barrio La Guadalupe",
            "Colonia Trejo",
            "Barrio Río de Piedras",
            "Colonia Miraflores",
        ),
        "{street}, {s} calle, {s2} avenida, casa {n}",
        rtn_hn,
        two_surnames=True,
        subjects=_ES_SUBJECTS,
    ),
    "PY": Country(
        "PY",
        ("Juan", "Carlos", "Derlis", "Óscar", "Luis", "Rubén", "Hugo", "Víctor", "Nelson"),
        ("María", "Liz", "Nancy", "Mirna", "Gladys", "Ramona", "Fátima", "Rocío", "Sonia"),
        (
            "González",
            "Benítez",
            "Martínez",
            "López",
            "Giménez",
            "Duarte",
            "Villalba",
            "Ayala",
            "Cáceres",
            "Ortiz",
            "Acosta",
            "Báez",
            "Riquelme",
            "Insfrán",
            "Cabañas",
        ),
        (
            "Yerbatera",
            "Frigorífico",
            "Distribuidora",
            "Comercial",
            "Agroganadera",
            "Textil",
            "Guaraní",
            "Paraná",
            "Chaco",
            "Del Sur",
            "Ñandutí",
            "Panadería",
            "Ferretería",
            "Transportes",
            "Importadora",
            "Sojera",
            "Cooperativa",
        ),
        ("{w} {s}", "{w} {w2}", "{s} Hermanos"),
        (("S.A.", 55), ("S.R.L.", 35), ("E.A.S.", 10)),
        (
            "Avda. Mariscal López",
            "Avda. España",
            "Avda. Eusebio Ayala",
            "Calle Palma",
            "Avda. Artigas",
            "Calle 25 de Mayo",
            "Avda. Santa Teresa",
            "Calle Cerro Corá",
        ),
        "{street} {n}",
        ruc_py,
        two_surnames=True,
        subjects=_ES_SUBJECTS,
    ),
    "PE": Country(
        "PE",
        ("José", "Luis", "Juan", "Carlos", "Jorge", "César", "Miguel", "Víctor", "Alberto"),
        ("María", "Rosa", "Carmen", "Ana", "Gladys", "Milagros", "Lucía", "Ruth", "Flor"),
        (
            "Quispe",
            "Flores",
            "Sánchez",
            "Rodríguez",
            "García",
            "Huamán",
            "Mamani",
            "Chávez",
            "Ramos",
            "Torres",
            "Vargas",
            "Mendoza",
            "Rojas",
            "Castillo",
            "Gutiérrez",
        ),
        (
            "Inversiones",
            "Corporación",
            "Textil",
            "Agroexportadora",
            "Minera",
            "Constructora",
            "Pesquera",
            "Transportes",
            "Panificadora",
            "Comercial",
            "Andina",
            "Del Pacífico",
            "Inca",
            "Chimú",
            "Misti",
            "Ferretería",
            "Distribuidora",
        ),
        ("{w} {s}", "{w} {w2}", "{w} {s} Hermanos"),
        (("S.A.C.", 60), ("S.R.L.", 15), ("E.I.R.L.", 15), ("S.A.", 10)),
        (
            "Av. Javier Prado Este",
            "Av. Arequipa",
            "Jr. de la Unión",
            "Av. Brasil",
            "Calle Mercaderes",
            "Av. Ejército",
            "Jr. Pizarro",
            "Av. España",
        ),
        "{street} {n}",
        ruc_pe,
        two_surnames=True,
        subjects=_ES_SUBJECTS,
    ),
    "PH": Country(
        "PH",
        ("Jose", "Juan", "Mark", "Joel", "Rodel", "Ramon", "Jerome", "Ariel", "Christian"),
        ("Maria", "Ma. Lourdes", "Rowena", "Jocelyn", "Marites", "Grace", "Liza", "Joy", "Ana"),
        (
            "Santos",
            "Reyes",
            "Cruz",
            "Bautista",
            "Garcia",
            "Mendoza",
            "Dela Cruz",
            "Villanueva",
            "Ramos",
            "Aquino",
            "Castillo",
            "Gonzales",
            "Tolentino",
            "Macaraeg",
            "Dimaculangan",
        ),
        (
            "Mabuhay",
            "Bayanihan",
            "Perlas",
            "Luzon",
            "Visayas",
            "Mindanao",
            "Pacific",
            "Golden",
            "Island",
            "Manufacturing",
            "Trading",
            "Food Products",
            "Garments",
            "Construction",
            "Logistics",
            "Bakeshop",
            "Hardware",
            "Security Agency",
        ),
        ("{w} {w2}", "{s} {w}", "{s} & Sons {w}"),
        (("Inc.", 45), ("Corporation", 25), ("Co.", 10), ("Enterprises", 20)),
        (
            "Rizal Street",
            "Mabini Street",
            "Bonifacio Avenue",
            "Quezon Avenue",
            "Osmeña Boulevard",
            "Magsaysay Avenue",
            "Aguinaldo Highway",
            "Burgos Street",
        ),
        "{n} {street}, Barangay {barangay}",
        tin_ph,
        subjects=_EN_SUBJECTS,
    ),
    "LK": Country(
        "LK",
        (
            "Nuwan",
            "Kasun",
            "Chaminda",
            "Ruwan",
            "Mohamed",
            "Suresh",
            "Tharindu",
            "Pradeep",
            "Kumaran",
        ),
        (
            "Nadeeka",
            "Dilani",
            "Chathurika",
            "Sanduni",
            "Fathima",
            "Priyanka",
            "Kavitha",
            "Ishara",
            "Malini",
        ),
        (
            "Perera",
            "Fernando",
            "de Silva",
            "Jayasinghe",
            "Bandara",
            "Wickramasinghe",
            "Rajapaksa",
            "Gunawardena",
            "Dissanayake",
            "Sivakumar",
            "Nadarajah",
            "Rathnayake",
            "Herath",
            "Mohideen",
            "Kumarasinghe",
        ),
        (
            "Lanka",
            "Ceylon",
            "Serendib",
            "Lion",
            "Tea",
            "Garments",
            "Apparel",
            "Rubber",
            "Coir",
            "Spices",
            "Trading",
            "Exports",
            "Engineering",
            "Hardware",
            "Bakers",
            "Transport",
            "Gem",
        ),
        ("{w} {w2}", "{s} {w}", "{s} & Sons"),
        (("(Pvt) Ltd", 70), ("PLC", 10), ("& Co.", 20)),
        (
            "Galle Road",
            "Kandy Road",
            "Main Street",
            "Temple Road",
            "Station Road",
            "Negombo Road",
            "Hospital Road",
            "Baseline Road",
        ),
        "No. {n}, {street}",
        tin_lk,
        subjects=_SI_SUBJECTS,
    ),
    "VN": Country(
        "VN",
        (
            "Văn Hùng",
            "Minh Tuấn",
            "Quốc Bảo",
            "Đức Anh",
            "Văn Nam",
            "Thanh Sơn",
            "Hữu Phước",
            "Công Minh",
            "Gia Huy",
        ),
        (
            "Thị Lan",
            "Thị Hương",
            "Ngọc Anh",
            "Thu Trang",
            "Thị Mai",
            "Minh Thư",
            "Thị Hoa",
            "Phương Linh",
            "Thị Hằng",
        ),
        (
            "Nguyễn",
            "Trần",
            "Lê",
            "Phạm",
            "Hoàng",
            "Huỳnh",
            "Phan",
            "Vũ",
            "Võ",
            "Đặng",
            "Bùi",
            "Đỗ",
            "Hồ",
            "Ngô",
            "Dương",
        ),
        (
            "Thương mại",
            "Sản xuất",
            "Dệt may",
            "Xây dựng",
            "Vận tải",
            "Thực phẩm",
            "Da giày",
            "Cơ khí",
            "Điện tử",
            "Minh Phát",
            "Hòa Bình",
            "Thành Công",
            "Phú Thịnh",
            "An Khang",
            "Việt Tiến",
            "Sao Mai",
            "Hưng Thịnh",
        ),
        ("{w} {w2}", "{w} {s} {w2}"),
        (("Công ty TNHH ", 60), ("Công ty Cổ phần ", 30), ("Doanh nghiệp tư nhân ", 10)),
        (
            "đường Lê Lợi",
            "đường Trần Hưng Đạo",
            "đường Nguyễn Huệ",
            "phố Hàng Bài",
            "đường Hai Bà Trưng",
            "đường Lý Thường Kiệt",
            "đường Nguyễn Văn Linh",
            "đường Điện Biên Phủ",
        ),
        "Số {n} {street}",
        mst_vn,
        given_first=False,
        subjects=(
            "Nợ lương",
            "Không trả tiền làm thêm giờ",
            "Không đóng bảo hiểm xã hội",
            "Không ký hợp đồng lao động",
            "Sa thải trái pháp luật",
            "Giàn giáo không an toàn",
        ),
    ),
    "LC": Country(
        "LC",
        ("Kervin", "Marcus", "Jude", "Allen", "Desmond", "Peter", "Shervon", "Gregory", "Anthony"),
        (
            "Shirlene",
            "Marcia",
            "Petra",
            "Anne-Marie",
            "Janelle",
            "Kimberly",
            "Claudia",
            "Natasha",
            "Florence",
        ),
        (
            "Joseph",
            "Charles",
            "Alexander",
            "St. Rose",
            "Emmanuel",
            "Francis",
            "Jn Baptiste",
            "Auguste",
            "Louisy",
            "Compton",
            "Edmund",
            "Mathurin",
            "Prospere",
            "Felix",
            "Theophilus",
        ),
        (
            "Helen",
            "Caribbean",
            "Pitons",
            "Island",
            "Sunset",
            "Castries",
            "Hardware",
            "Bakery",
            "Hotel",
            "Marina",
            "Tours",
            "Construction",
            "Distributors",
            "Banana",
            "Rum",
            "Fishing",
        ),
        ("{w} {w2}", "{s} {w}", "{s} & Sons"),
        (("Ltd", 70), ("Inc.", 15), ("& Co.", 15)),
        (
            "Jeremie Street",
            "Bridge Street",
            "Micoud Street",
            "Chaussee Road",
            "Castries-Gros Islet Highway",
            "Laborie Street",
            "Clarke Street",
            "Church Street",
        ),
        "{n} {street}",
        trn_lc,
        subjects=_EN_SUBJECTS,
    ),
}

# Barangay names for Philippine addresses (common across the regions' cities).
BARANGAYS = (
    "San Isidro",
    "Poblacion",
    "San Roque",
    "Santo Niño",
    "Bagong Silang",
    "Mabini",
    "San Jose",
    "Lahug",
    "Talamban",
    "Maa",
)


def company_name(c: Country, rnd: random.Random) -> tuple[str, str]:
    """A company's name and legal form, written as the country writes them."""
    words = list(c.company_words)
    w, w2 = rnd.sample(words, 2)
    s, s2 = rnd.sample(list(c.surnames), 2)
    base = rnd.choice(c.company_patterns).format(w=w, w2=w2, s=s, s2=s2)
    forms, weights = zip(*c.legal_forms, strict=True)
    form = rnd.choices(forms, weights=weights, k=1)[0]
    return (f"{form}{base}" if form.endswith(" ") else f"{base} {form}"), form.strip()


def person_name(c: Country, rnd: random.Random, *, female: bool | None = None) -> str:
    female = rnd.random() < 0.5 if female is None else female
    given = rnd.choice(c.given_female if female else c.given_male)
    family = " ".join(rnd.sample(list(c.surnames), 2)) if c.two_surnames else rnd.choice(c.surnames)
    return f"{given} {family}" if c.given_first else f"{family} {given}"


def address(c: Country, rnd: random.Random) -> str:
    return c.address_pattern.format(
        street=rnd.choice(c.streets),
        n=rnd.randint(1, 250),
        a=rnd.randint(1, 120),
        b=rnd.randint(1, 99),
        s=rnd.randint(1, 12),
        s2=rnd.randint(1, 12),
        barangay=rnd.choice(BARANGAYS),
    )
