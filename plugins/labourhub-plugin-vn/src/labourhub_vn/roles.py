"""What this country calls the core roles: Viet Nam: titles of the inspection service (Luật Thanh tra 2022), in Vietnamese and English."""

from labourhub.plugin_api import RoleTitle

TITLES = (
    RoleTitle("authorising_official", "Chánh Thanh tra", language="vi"),
    RoleTitle("director", "Phó Chánh Thanh tra", language="vi"),
    RoleTitle("office_head", "Trưởng phòng Thanh tra lao động", language="vi"),
    RoleTitle("supervisor", "Thanh tra viên chính", language="vi"),
    RoleTitle("inspector", "Thanh tra viên lao động", language="vi"),
    RoleTitle("legal_officer", "Chuyên viên pháp chế", language="vi"),
    RoleTitle("clerk", "Văn thư", language="vi"),
    RoleTitle("authorising_official", "Chief Inspector", language="en"),
    RoleTitle("inspector", "Labour Inspector", language="en"),
)
