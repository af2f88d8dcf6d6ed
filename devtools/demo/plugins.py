"""Which demo ministries run which plugins, activated by `seed_demo` (make run)."""

from devtools.ministries import DEMO_PASSWORD
from labourhub.extensions.registry import plugin_is_registered
from tenants.models import Ministry
from tenants.plugin_services import plugin_activate

# Which demo ministries run which plugins (make run). Trade-union registration is a Honduran
# module; Paraguay deliberately does not run it, to show that it is absent there. The country
# packs bring each ministry its procedure, national calendar (Spanish names, this year and the
# next two) and fine schedule; activating them before the demo cases are seeded means every
# seeded deadline is computed on the national calendar. Saint Lucia runs the public employment
# service of its labour market information system.
DEMO_PLUGINS: dict[str, list[str]] = {
    "honduras": ["trade-unions", "hn-pack", "medical-visits"],
    "colombia": ["co-pack"],
    "paraguay": ["py-pack"],
    "peru": ["pe-pack"],
    "philippines": ["ph-pack"],
    "vietnam": ["vn-pack"],
    "srilanka": ["lk-pack"],
    "saintlucia": ["employment-services", "lc-pack"],
}


DEMO_OPERATOR = "coordinator"


def plugins_demo_activate(*, ministry: Ministry) -> list[str]:
    """Activate the demo plugins of ``ministry`` that are installed and not yet active.

    Also makes sure the demo has a coordination-unit operator (public schema) for the console.
    """
    from labourhub.accounts.models import User
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import user_create
    from tenants.context import public_context
    from tenants.selectors import plugin_activation_get

    with public_context():
        if not User.objects.filter(username=DEMO_OPERATOR).exists():
            user_create(
                username=DEMO_OPERATOR,
                password=DEMO_PASSWORD,
                first_name="Coordination unit",
                roles=[Role.SYSTEM_ADMIN],
                actor=None,
            )
    activated = []
    for slug in DEMO_PLUGINS.get(str(ministry.schema_name), []):
        if not plugin_is_registered(slug):
            continue  # not installed in this deployment
        with public_context():
            current = plugin_activation_get(ministry=ministry, slug=slug)
            if current is None or not current.enabled:
                plugin_activate(ministry=ministry, slug=slug, actor=None)
                activated.append(slug)
    return activated
