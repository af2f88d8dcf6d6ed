"""What this country calls the core roles: Honduras (Secretaría de Trabajo y Seguridad Social): Ley de Inspección del Trabajo (Decreto 178-2016)."""

from labourhub.plugin_api import RoleTitle

TITLES = (
    RoleTitle("authorising_official", "Director General de Inspección del Trabajo"),
    RoleTitle("director", "Director Regional"),
    RoleTitle("office_head", "Jefe Regional de Inspección"),
    RoleTitle("supervisor", "Supervisor de Inspectores"),
    RoleTitle("inspector", "Inspector de Trabajo"),
    RoleTitle("legal_officer", "Asesor legal"),
    RoleTitle("clerk", "Secretario de actuaciones"),
)
