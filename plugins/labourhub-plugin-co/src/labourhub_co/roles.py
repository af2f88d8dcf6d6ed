"""What this country calls the core roles: Colombia (Ministerio del Trabajo): Decreto 1072 de 2015 and the ministry's manual of functions."""

from labourhub.plugin_api import RoleTitle

TITLES = (
    RoleTitle("authorising_official", "Director Territorial"),
    RoleTitle("director", "Director de Inspección, Vigilancia, Control y Gestión Territorial"),
    RoleTitle("office_head", "Coordinador de Grupo de Inspección"),
    RoleTitle("supervisor", "Coordinador de Grupo"),
    RoleTitle("inspector", "Inspector de Trabajo y Seguridad Social"),
    RoleTitle("legal_officer", "Profesional jurídico"),
    RoleTitle("clerk", "Auxiliar administrativo"),
)
