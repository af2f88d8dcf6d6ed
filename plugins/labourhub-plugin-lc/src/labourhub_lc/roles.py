"""What this country calls the core roles: Saint Lucia (Department of Labour): Labour Act, Cap. 16.04."""

from labourhub.plugin_api import RoleTitle

TITLES = (
    RoleTitle("authorising_official", "Labour Commissioner"),
    RoleTitle("director", "Deputy Labour Commissioner"),
    RoleTitle("office_head", "Senior Labour Officer"),
    RoleTitle("supervisor", "Senior Labour Officer"),
    RoleTitle("inspector", "Labour Officer"),
    RoleTitle("legal_officer", "Legal Officer"),
)
