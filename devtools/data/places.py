"""Real municipalities served by each demo district office, keyed by the office code.

Every name belongs to the first-level division whose ISO 3166-2 code starts the office code
(``CO-ANT-MED`` serves Antioquian municipalities), so a generated address never puts a
Colombian company in a Honduran town.
"""

MUNICIPALITIES: dict[str, tuple[str, ...]] = {
    # Colombia
    "CO-ANT-MED": ("Medellín", "Bello", "Itagüí", "Envigado", "Sabaneta", "La Estrella"),
    "CO-ANT-RIO": ("Rionegro", "Marinilla", "La Ceja", "El Carmen de Viboral", "Guarne"),
    "CO-DC-BOG": ("Bogotá",),
    "CO-CUN-ZIP": ("Zipaquirá", "Chía", "Cajicá", "Tocancipá", "Sopó"),
    "CO-CUN-SOA": ("Soacha", "Mosquera", "Funza", "Madrid", "Facatativá"),
    "CO-VAC-CAL": ("Cali", "Palmira", "Yumbo", "Jamundí", "Candelaria"),
    "CO-VAC-BUN": ("Buenaventura", "Dagua"),
    "CO-ATL-BAQ": ("Barranquilla", "Soledad", "Malambo", "Puerto Colombia", "Sabanalarga"),
    "CO-SAN-BGA": ("Bucaramanga", "Floridablanca", "Girón", "Piedecuesta", "Barrancabermeja"),
    "CO-BOL-CTG": ("Cartagena de Indias", "Turbaco", "Arjona", "Magangué"),
    # Honduras
    "HN-FM-TGU": ("Distrito Central", "Valle de Ángeles", "Santa Lucía", "Talanga", "Sabanagrande"),
    "HN-CR-SPS": ("San Pedro Sula", "Choloma", "Villanueva", "La Lima", "San Manuel"),
    "HN-CR-PCO": ("Puerto Cortés", "Omoa"),
    "HN-AT-LCE": ("La Ceiba", "Tela", "El Porvenir", "Jutiapa"),
    "HN-CH-CHO": ("Choluteca", "San Marcos de Colón", "Pespire", "El Triunfo"),
    "HN-CM-COM": ("Comayagua", "Siguatepeque", "La Libertad", "Villa de San Antonio"),
    "HN-YO-EPR": ("El Progreso", "Yoro", "Olanchito", "Santa Rita"),
    # Paraguay
    "PY-ASU-ASU": ("Asunción",),
    "PY-11-SLO": ("San Lorenzo", "Fernando de la Mora", "Capiatá", "Lambaré", "Ñemby"),
    "PY-11-LUQ": ("Luque", "Limpio", "Mariano Roque Alonso", "Areguá"),
    "PY-10-CDE": ("Ciudad del Este", "Presidente Franco", "Hernandarias", "Minga Guazú"),
    "PY-7-ENC": ("Encarnación", "Cambyretá", "Hohenau", "Obligado", "Bella Vista"),
    "PY-5-COV": ("Coronel Oviedo", "Caaguazú", "Repatriación", "J. Eulogio Estigarribia"),
    "PY-1-CON": ("Concepción", "Horqueta", "Loreto", "Yby Yaú"),
    # Peru
    "PE-LIM-MET": (
        "Lima",
        "Miraflores",
        "San Isidro",
        "Ate",
        "San Juan de Lurigancho",
        "Los Olivos",
        "Chorrillos",
        "Surquillo",
    ),
    "PE-LIM-HUA": ("Huacho", "Huaral", "Barranca", "Cañete"),
    "PE-CAL-CAL": ("Callao", "Bellavista", "La Perla", "Ventanilla"),
    "PE-ARE-ARE": ("Arequipa", "Cayma", "Cerro Colorado", "Yanahuara", "Camaná"),
    "PE-LAL-TRU": ("Trujillo", "Víctor Larco Herrera", "La Esperanza", "Chepén", "Pacasmayo"),
    "PE-PIU-PIU": ("Piura", "Castilla", "Sullana", "Paita", "Talara"),
    "PE-CUS-CUS": ("Cusco", "Wanchaq", "San Sebastián", "Urubamba", "Sicuani"),
    # Philippines
    "PH-00-MNL": ("Manila", "Pasay", "Makati", "Taguig", "Mandaluyong"),
    "PH-00-QC": ("Quezon City", "Caloocan", "Marikina", "Valenzuela", "Pasig"),
    "PH-03-PAM": ("City of San Fernando", "Angeles City", "Mabalacat", "Guagua"),
    "PH-40-CAV": ("Dasmariñas", "Imus", "Bacoor", "General Trias", "Rosario"),
    "PH-40-LAG": ("Santa Rosa", "Calamba", "Biñan", "San Pedro", "Cabuyao"),
    "PH-06-ILO": ("Iloilo City", "Passi", "Oton", "Pavia"),
    "PH-07-CEB": ("Cebu City", "Mandaue", "Lapu-Lapu", "Talisay", "Consolacion"),
    "PH-11-DVO": ("Davao City", "Tagum", "Panabo", "Digos"),
    # Sri Lanka
    "LK-1-COL": (
        "Colombo",
        "Dehiwala-Mount Lavinia",
        "Sri Jayawardenepura Kotte",
        "Moratuwa",
        "Maharagama",
        "Kaduwela",
    ),
    "LK-1-GAM": ("Gampaha", "Negombo", "Ja-Ela", "Wattala", "Katunayake", "Minuwangoda"),
    "LK-1-KAL": ("Kalutara", "Panadura", "Horana", "Beruwala"),
    "LK-2-KAN": ("Kandy", "Peradeniya", "Katugastota", "Gampola", "Nawalapitiya"),
    "LK-3-GAL": ("Galle", "Hikkaduwa", "Ambalangoda", "Koggala"),
    "LK-4-JAF": ("Jaffna", "Chavakachcheri", "Point Pedro", "Nallur"),
    "LK-5-BAT": ("Batticaloa", "Eravur", "Kattankudy", "Valaichchenai"),
    "LK-6-KUR": ("Kurunegala", "Kuliyapitiya", "Polgahawela", "Narammala"),
    # Viet Nam
    "VN-HN-HK": ("Phường Hoàn Kiếm", "Phường Cửa Nam", "Phường Ba Đình", "Phường Đống Đa"),
    "VN-HN-DA": ("Xã Đông Anh", "Xã Thư Lâm", "Xã Phúc Thịnh", "Xã Mê Linh"),
    "VN-SG-Q1": ("Phường Sài Gòn", "Phường Bến Thành", "Phường Tân Định", "Phường Cầu Ông Lãnh"),
    "VN-SG-TD": ("Phường Thủ Đức", "Phường Linh Xuân", "Phường Hiệp Bình", "Phường Tăng Nhơn Phú"),
    "VN-DN-HC": ("Phường Hải Châu", "Phường Hòa Cường", "Phường Thanh Khê", "Phường Sơn Trà"),
    "VN-HP-HB": ("Phường Hồng Bàng", "Phường Ngô Quyền", "Phường Lê Chân", "Phường Hải An"),
    "VN-CT-NK": ("Phường Ninh Kiều", "Phường Cái Khế", "Phường Bình Thủy", "Phường Cái Răng"),
    "VN-13-HL": ("Phường Hạ Long", "Phường Bãi Cháy", "Phường Cẩm Phả", "Phường Móng Cái 1"),
    # Saint Lucia
    "LC-02-CAS": ("Castries", "Marchand", "Morne Du Don", "La Clery", "Sans Soucis"),
    "LC-06-GI": ("Gros Islet", "Rodney Bay", "Bois d'Orange", "Monchy", "Cap Estate"),
    "LC-11-VF": ("Vieux Fort", "La Ressource", "Beanfield", "Augier"),
    "LC-10-SOU": ("Soufrière", "Fond St. Jacques", "Baron's Drive"),
    "LC-08-MIC": ("Micoud", "Desruisseaux", "Mon Repos", "Patience"),
    "LC-05-DEN": ("Dennery", "La Caye", "Au Ras", "Grande Ravine"),
}


def municipalities_for(office_code: str) -> tuple[str, ...]:
    """The municipalities an office serves (empty for offices the demo did not create)."""
    return MUNICIPALITIES.get(office_code, ())
