"""What this country calls the core roles: Sri Lanka (Department of Labour): titles of the Sri Lanka Labour Service, in English, Sinhala and Tamil (needs native review)."""

from labourhub.plugin_api import RoleTitle

TITLES = (
    RoleTitle("authorising_official", "Commissioner General of Labour", language="en"),
    RoleTitle("director", "Deputy Commissioner of Labour", language="en"),
    RoleTitle("office_head", "Assistant Commissioner of Labour", language="en"),
    RoleTitle("supervisor", "Senior Labour Officer", language="en"),
    RoleTitle("inspector", "Labour Officer", language="en"),
    RoleTitle("legal_officer", "Legal Officer", language="en"),
    RoleTitle("authorising_official", "කම්කරු කොමසාරිස් ජනරාල්", language="si"),
    RoleTitle("office_head", "සහකාර කම්කරු කොමසාරිස්", language="si"),
    RoleTitle("inspector", "කම්කරු නිලධාරී", language="si"),
    RoleTitle("authorising_official", "தொழில் ஆணையாளர் நாயகம்", language="ta"),
    RoleTitle("office_head", "உதவித் தொழில் ஆணையாளர்", language="ta"),
    RoleTitle("inspector", "தொழில் அலுவலர்", language="ta"),
)
