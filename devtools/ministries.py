"""Demo ministries, one per source system, with a two-level office hierarchy each.

Region offices carry the ISO 3166-2 code of the first-level division they serve (``CO-ANT``,
``PH-07``, ``LK-1``...), so maps can draw them on real shapes; district offices extend that
code. Each district's real municipalities are in ``devtools.data.places``.
"""

from tenants.services import MinistrySpec

DEMO_PASSWORD = "Demo-LabourHub-2026"  # noqa: S105 (published demo credential)

# (region ISO 3166-2 code, region office name, [(district code, district office name), ...])
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
                "CO-ANT",
                "Dirección Territorial de Antioquia",
                [
                    ("CO-ANT-MED", "Inspección de Trabajo de Medellín"),
                    ("CO-ANT-RIO", "Inspección de Trabajo de Rionegro"),
                ],
            ),
            (
                "CO-DC",
                "Dirección Territorial de Bogotá",
                [("CO-DC-BOG", "Inspección de Trabajo de Bogotá")],
            ),
            (
                "CO-CUN",
                "Dirección Territorial de Cundinamarca",
                [
                    ("CO-CUN-ZIP", "Inspección de Trabajo de Zipaquirá"),
                    ("CO-CUN-SOA", "Inspección de Trabajo de Soacha"),
                ],
            ),
            (
                "CO-VAC",
                "Dirección Territorial del Valle del Cauca",
                [
                    ("CO-VAC-CAL", "Inspección de Trabajo de Cali"),
                    ("CO-VAC-BUN", "Inspección de Trabajo de Buenaventura"),
                ],
            ),
            (
                "CO-ATL",
                "Dirección Territorial del Atlántico",
                [("CO-ATL-BAQ", "Inspección de Trabajo de Barranquilla")],
            ),
            (
                "CO-SAN",
                "Dirección Territorial de Santander",
                [("CO-SAN-BGA", "Inspección de Trabajo de Bucaramanga")],
            ),
            (
                "CO-BOL",
                "Dirección Territorial de Bolívar",
                [("CO-BOL-CTG", "Inspección de Trabajo de Cartagena")],
            ),
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
            (
                "HN-FM",
                "Dirección Regional de Francisco Morazán",
                [("HN-FM-TGU", "Oficina Regional de Tegucigalpa")],
            ),
            (
                "HN-CR",
                "Dirección Regional de Cortés",
                [
                    ("HN-CR-SPS", "Oficina Regional de San Pedro Sula"),
                    ("HN-CR-PCO", "Oficina Local de Puerto Cortés"),
                ],
            ),
            (
                "HN-AT",
                "Dirección Regional de Atlántida",
                [("HN-AT-LCE", "Oficina Regional de La Ceiba")],
            ),
            (
                "HN-CH",
                "Dirección Regional de Choluteca",
                [("HN-CH-CHO", "Oficina Regional de Choluteca")],
            ),
            (
                "HN-CM",
                "Dirección Regional de Comayagua",
                [("HN-CM-COM", "Oficina Regional de Comayagua")],
            ),
            (
                "HN-YO",
                "Dirección Regional de Yoro",
                [("HN-YO-EPR", "Oficina Local de El Progreso")],
            ),
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
            (
                "PY-ASU",
                "Dirección General de Inspección y Fiscalización — Asunción",
                [("PY-ASU-ASU", "Dirección de Inspección — Asunción")],
            ),
            (
                "PY-11",
                "Dirección Regional del Trabajo — Central",
                [("PY-11-SLO", "Oficina de San Lorenzo"), ("PY-11-LUQ", "Oficina de Luque")],
            ),
            (
                "PY-10",
                "Dirección Regional del Trabajo — Alto Paraná",
                [("PY-10-CDE", "Oficina de Ciudad del Este")],
            ),
            (
                "PY-7",
                "Dirección Regional del Trabajo — Itapúa",
                [("PY-7-ENC", "Oficina de Encarnación")],
            ),
            (
                "PY-5",
                "Dirección Regional del Trabajo — Caaguazú",
                [("PY-5-COV", "Oficina de Coronel Oviedo")],
            ),
            (
                "PY-1",
                "Dirección Regional del Trabajo — Concepción",
                [("PY-1-CON", "Oficina de Concepción")],
            ),
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
                "PE-LIM",
                "Intendencia Regional de Lima",
                [
                    ("PE-LIM-MET", "Intendencia de Lima Metropolitana"),
                    ("PE-LIM-HUA", "Sede Huacho"),
                ],
            ),
            ("PE-CAL", "Intendencia Regional del Callao", [("PE-CAL-CAL", "Sede Callao")]),
            ("PE-ARE", "Intendencia Regional de Arequipa", [("PE-ARE-ARE", "Sede Arequipa")]),
            ("PE-LAL", "Intendencia Regional de La Libertad", [("PE-LAL-TRU", "Sede Trujillo")]),
            ("PE-PIU", "Intendencia Regional de Piura", [("PE-PIU-PIU", "Sede Piura")]),
            ("PE-CUS", "Intendencia Regional de Cusco", [("PE-CUS-CUS", "Sede Cusco")]),
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
                "PH-00",
                "DOLE National Capital Region",
                [("PH-00-MNL", "Manila Field Office"), ("PH-00-QC", "Quezon City Field Office")],
            ),
            ("PH-03", "DOLE Regional Office III", [("PH-03-PAM", "Pampanga Field Office")]),
            (
                "PH-40",
                "DOLE Regional Office IV-A",
                [
                    ("PH-40-CAV", "Cavite Provincial Field Office"),
                    ("PH-40-LAG", "Laguna Provincial Field Office"),
                ],
            ),
            ("PH-06", "DOLE Regional Office VI", [("PH-06-ILO", "Iloilo Field Office")]),
            ("PH-07", "DOLE Regional Office VII", [("PH-07-CEB", "Cebu Provincial Field Office")]),
            ("PH-11", "DOLE Regional Office XI", [("PH-11-DVO", "Davao City Field Office")]),
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
                "LK-1",
                "Western Province — Deputy Commissioner of Labour",
                [
                    ("LK-1-COL", "District Labour Office — Colombo"),
                    ("LK-1-GAM", "District Labour Office — Gampaha"),
                    ("LK-1-KAL", "District Labour Office — Kalutara"),
                ],
            ),
            (
                "LK-2",
                "Central Province — Deputy Commissioner of Labour",
                [("LK-2-KAN", "District Labour Office — Kandy")],
            ),
            (
                "LK-3",
                "Southern Province — Deputy Commissioner of Labour",
                [("LK-3-GAL", "District Labour Office — Galle")],
            ),
            (
                "LK-4",
                "Northern Province — Deputy Commissioner of Labour",
                [("LK-4-JAF", "District Labour Office — Jaffna")],
            ),
            (
                "LK-5",
                "Eastern Province — Deputy Commissioner of Labour",
                [("LK-5-BAT", "District Labour Office — Batticaloa")],
            ),
            (
                "LK-6",
                "North Western Province — Deputy Commissioner of Labour",
                [("LK-6-KUR", "District Labour Office — Kurunegala")],
            ),
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
            (
                "VN-HN",
                "Thanh tra lao động Thành phố Hà Nội",
                [
                    ("VN-HN-HK", "Thanh tra Lao động khu vực Hoàn Kiếm"),
                    ("VN-HN-DA", "Thanh tra Lao động khu vực Đông Anh"),
                ],
            ),
            (
                "VN-SG",
                "Thanh tra lao động Thành phố Hồ Chí Minh",
                [
                    ("VN-SG-Q1", "Thanh tra Lao động khu vực Sài Gòn"),
                    ("VN-SG-TD", "Thanh tra Lao động khu vực Thủ Đức"),
                ],
            ),
            (
                "VN-DN",
                "Thanh tra lao động Thành phố Đà Nẵng",
                [("VN-DN-HC", "Thanh tra Lao động khu vực Hải Châu")],
            ),
            (
                "VN-HP",
                "Thanh tra lao động Thành phố Hải Phòng",
                [("VN-HP-HB", "Thanh tra Lao động khu vực Hồng Bàng")],
            ),
            (
                "VN-CT",
                "Thanh tra lao động Thành phố Cần Thơ",
                [("VN-CT-NK", "Thanh tra Lao động khu vực Ninh Kiều")],
            ),
            (
                "VN-13",
                "Thanh tra lao động tỉnh Quảng Ninh",
                [("VN-13-HL", "Thanh tra Lao động khu vực Hạ Long")],
            ),
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
            (
                "LC-02",
                "Castries Labour Office",
                [("LC-02-CAS", "Castries Labour Office — Inspectorate")],
            ),
            ("LC-06", "Gros Islet Labour Office", [("LC-06-GI", "Rodney Bay Sub-Office")]),
            ("LC-11", "Vieux Fort Labour Office", [("LC-11-VF", "Vieux Fort Sub-Office")]),
            ("LC-10", "Soufrière Labour Office", [("LC-10-SOU", "Soufrière Sub-Office")]),
            ("LC-08", "Micoud Labour Office", [("LC-08-MIC", "Micoud Sub-Office")]),
            ("LC-05", "Dennery Labour Office", [("LC-05-DEN", "Dennery Sub-Office")]),
        ],
    ),
]
