"""Demo ministries, one per source system, with a two-level office hierarchy each."""

from tenants.services import MinistrySpec

DEMO_PASSWORD = "Demo-LabourHub-2026"  # noqa: S105 (published demo credential)

# (region code, region name, [(district code, district office name), ...])
Offices = list[tuple[str, str, list[tuple[str, str]]]]

DEMO: list[tuple[MinistrySpec, Offices]] = [
    (
        MinistrySpec(
            "colombia",
            "Ministerio del Trabajo de Colombia",
            "CO",
            ["es"],
            "es",
            "America/Bogota",
            "COP",
        ),
        [
            (
                "ANT",
                "Dirección Territorial de Antioquia",
                [("ANT-MED", "Oficina de Medellín"), ("ANT-RIO", "Oficina de Rionegro")],
            ),
            (
                "CUN",
                "Dirección Territorial de Cundinamarca",
                [("CUN-BOG", "Oficina de Bogotá"), ("CUN-ZIP", "Oficina de Zipaquirá")],
            ),
            ("VAL", "Dirección Territorial del Valle", [("VAL-CAL", "Oficina de Cali")]),
        ],
    ),
    (
        MinistrySpec(
            "honduras",
            "Secretaría de Trabajo y Seguridad Social de Honduras",
            "HN",
            ["es"],
            "es",
            "America/Tegucigalpa",
            "HNL",
        ),
        [
            ("FM", "Francisco Morazán", [("FM-TGU", "Oficina Regional de Tegucigalpa")]),
            (
                "CR",
                "Cortés",
                [
                    ("CR-SPS", "Oficina Regional de San Pedro Sula"),
                    ("CR-PCO", "Oficina Local de Puerto Cortés"),
                ],
            ),
            ("AT", "Atlántida", [("AT-LCE", "Oficina Regional de La Ceiba")]),
        ],
    ),
    (
        MinistrySpec(
            "paraguay",
            "Ministerio de Trabajo, Empleo y Seguridad Social del Paraguay",
            "PY",
            ["es"],
            "es",
            "America/Asuncion",
            "PYG",
        ),
        [
            ("CAP", "Capital", [("CAP-ASU", "Dirección de Inspección — Asunción")]),
            ("CEN", "Central", [("CEN-SLO", "Oficina de San Lorenzo")]),
            ("ALP", "Alto Paraná", [("ALP-CDE", "Oficina de Ciudad del Este")]),
        ],
    ),
    (
        MinistrySpec(
            "peru",
            "Superintendencia Nacional de Fiscalización Laboral (SUNAFIL)",
            "PE",
            ["es"],
            "es",
            "America/Lima",
            "PEN",
        ),
        [
            (
                "LIM",
                "Intendencia Regional de Lima",
                [
                    ("LIM-MET", "Intendencia de Lima Metropolitana"),
                    ("LIM-CAL", "Oficina del Callao"),
                ],
            ),
            ("ARE", "Intendencia Regional de Arequipa", [("ARE-ARE", "Oficina de Arequipa")]),
            ("LAL", "Intendencia Regional de La Libertad", [("LAL-TRU", "Oficina de Trujillo")]),
        ],
    ),
    (
        MinistrySpec(
            "philippines",
            "Department of Labor and Employment (DOLE)",
            "PH",
            ["en"],
            "en",
            "Asia/Manila",
            "PHP",
            [0, 1, 2, 3, 4],
        ),
        [
            (
                "NCR",
                "National Capital Region",
                [("NCR-MNL", "Manila Field Office"), ("NCR-QC", "Quezon City Field Office")],
            ),
            ("R07", "Region VII — Central Visayas", [("R07-CEB", "Cebu Provincial Field Office")]),
            ("R11", "Region XI — Davao Region", [("R11-DVO", "Davao City Field Office")]),
        ],
    ),
    (
        MinistrySpec(
            "srilanka",
            "Department of Labour, Sri Lanka",
            "LK",
            ["si", "ta", "en"],
            "si",
            "Asia/Colombo",
            "LKR",
        ),
        [
            (
                "WP",
                "Western Province",
                [
                    ("WP-COL", "Colombo District Labour Office"),
                    ("WP-GAM", "Gampaha District Labour Office"),
                ],
            ),
            ("CP", "Central Province", [("CP-KAN", "Kandy District Labour Office")]),
            ("NP", "Northern Province", [("NP-JAF", "Jaffna District Labour Office")]),
        ],
    ),
    (
        MinistrySpec(
            "vietnam",
            "Ministry of Home Affairs — Labour Inspectorate of Viet Nam",
            "VN",
            ["vi", "en"],
            "vi",
            "Asia/Ho_Chi_Minh",
            "VND",
        ),
        [
            ("HN", "Hà Nội", [("HN-HK", "Thanh tra Lao động quận Hoàn Kiếm")]),
            (
                "HCM",
                "Thành phố Hồ Chí Minh",
                [("HCM-Q1", "Thanh tra Lao động Quận 1"), ("HCM-TD", "Thanh tra Lao động Thủ Đức")],
            ),
            ("DN", "Đà Nẵng", [("DN-HC", "Thanh tra Lao động Hải Châu")]),
        ],
    ),
    (
        MinistrySpec(
            "saintlucia",
            "Department of Labour, Saint Lucia (CLMIS)",
            "LC",
            ["en"],
            "en",
            "America/St_Lucia",
            "XCD",
        ),
        [
            ("N", "North", [("N-CAS", "Castries Labour Office"), ("N-GI", "Gros Islet Office")]),
            ("S", "South", [("S-VF", "Vieux Fort Labour Office")]),
        ],
    ),
]
