from typing import Any

from django import template

from labourhub.accounts.models import User
from labourhub.workflow.selectors import alert_unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def alert_bell_count(context: dict[str, Any]) -> int:
    user = getattr(context.get("request"), "user", None)
    return alert_unread_count(user=user) if isinstance(user, User) else 0
