"""What this country calls the core roles: Peru (SUNAFIL): Ley 28806 and Ley 29981 name the inspection career's grades."""

from labourhub.plugin_api import RoleTitle

TITLES = (
    RoleTitle("authorising_official", "Intendente"),
    RoleTitle("director", "Intendente Regional"),
    RoleTitle("office_head", "Sub Intendente de Actuación Inspectiva"),
    RoleTitle("supervisor", "Supervisor Inspector"),
    RoleTitle("inspector", "Inspector auxiliar"),
    RoleTitle("legal_officer", "Sub Intendente de Resolución"),
    RoleTitle("clerk", "Asistente administrativo"),
)
