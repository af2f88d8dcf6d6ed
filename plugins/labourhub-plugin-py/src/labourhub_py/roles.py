"""What this country calls the core roles: Paraguay (MTESS): only the Minister orders an inspection; Ley 5115/2013."""

from labourhub.plugin_api import RoleTitle

TITLES = (
    RoleTitle("authorising_official", "Ministro"),
    RoleTitle("director", "Director General de Inspección y Fiscalización del Trabajo"),
    RoleTitle("office_head", "Jefe de Departamento"),
    RoleTitle("supervisor", "Jefe de Inspectores"),
    RoleTitle("inspector", "Inspector de Trabajo"),
    RoleTitle("legal_officer", "Asesor jurídico"),
    RoleTitle("clerk", "Funcionario de Mesa de Entrada"),
)
