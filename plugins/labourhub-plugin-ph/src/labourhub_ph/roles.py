"""What this country calls the core roles: Philippines (DOLE): Department Order 238, series of 2023 (Labor Inspection System)."""

from labourhub.plugin_api import RoleTitle

TITLES = (
    RoleTitle("authorising_official", "Regional Director"),
    RoleTitle("director", "Assistant Regional Director"),
    RoleTitle("office_head", "Field Office Head"),
    RoleTitle("supervisor", "Supervising Labor and Employment Officer"),
    RoleTitle("inspector", "Labor Inspector"),
    RoleTitle("legal_officer", "Hearing Officer"),
    RoleTitle("osh_engineer", "Safety Engineer"),
    RoleTitle("clerk", "Administrative Aide"),
)
