from django import template

from labourhub.accounts.titles import role_title as _role_title

register = template.Library()


@register.filter
def role_title(role: str) -> str:
    """``{{ grant.role|role_title }}``: the role as the ministry's country titles it."""
    return _role_title(role)
