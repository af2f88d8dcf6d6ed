"""Shared pieces of the staff pages in the GOV.UK Frontend style: menu groups, breadcrumbs,
form fields, sortable table headers, status tags."""

from typing import Any

from django import forms, template
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.web.menu import MenuGroup, MenuItem, menu_groups, menu_trail
from labourhub.web.tables import SORT_PARAM, sort_link

register = template.Library()

# Status values (of inspections, cases, complaints, documents, imports...) and the colour of
# their tag; anything else gets the neutral grey tag. The text always says the status, so the
# colour is never the only cue.
TAG_COLOURS = {
    "green": {"done", "closed", "completed", "signed", "issued", "active", "approved", "paid",
              "verified", "valid", "ok", "resolved", "acknowledged", "applied", "green",
              "accepted", "opened"},
    "blue": {"planned", "scheduled", "open", "new", "received", "in_progress", "ongoing",
             "submitted", "pending", "draft_ready", "assigned"},
    "yellow": {"draft", "waiting", "awaiting", "due_soon", "amber", "review", "suspended",
               "email_pending", "review_pending"},
    "red": {"overdue", "cancelled", "rejected", "failed", "revoked", "red", "expired",
            "inactive", "closed_down", "refused", "returned"},
}  # fmt: skip


@register.filter
def grouped(items: list[MenuItem]) -> list[MenuGroup]:
    return menu_groups(list(items or []))


@register.simple_tag(takes_context=True)
def trail(context: template.Context, items: list[MenuItem]) -> list[MenuItem]:
    request: HttpRequest | None = context.get("request")
    if request is None:
        return []
    try:
        home = reverse("web:home")
    except NoReverseMatch:
        return []
    return menu_trail(list(items or []), request.path, home)


@register.filter
def current_group(group: MenuGroup, path: str) -> bool:
    return any(item.url == path or (item.url != "/app/" and path.startswith(item.url))
               for item in group.items)  # fmt: skip


def _widget_class(field: forms.BoundField) -> str:
    widget = field.field.widget
    error = bool(field.errors)
    if isinstance(widget, forms.CheckboxInput):
        return "govuk-checkboxes__input"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return ""
    if isinstance(widget, forms.Select):
        return "govuk-select" + (" govuk-select--error" if error else "")
    if isinstance(widget, forms.Textarea):
        return "govuk-textarea" + (" govuk-textarea--error" if error else "")
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "govuk-file-upload" + (" govuk-file-upload--error" if error else "")
    return "govuk-input" + (" govuk-input--error" if error else "")


@register.filter
def govuk_widget(field: forms.BoundField) -> SafeString:
    """The field's widget with the GOV.UK class and its hint and error tied to it."""
    attrs: dict[str, Any] = {}
    css = " ".join(
        c for c in (field.field.widget.attrs.get("class", ""), _widget_class(field)) if c
    )
    if css:
        attrs["class"] = css
    described = [field.field.widget.attrs.get("aria-describedby", "")]
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    described = [d for d in described if d]
    if described and field.auto_id:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field: forms.BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def is_choice_list(field: forms.BoundField) -> bool:
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.filter
def choice_kind(field: forms.BoundField) -> str:
    """``radios`` or ``checkboxes``: the GOV.UK component a list of choices is drawn with."""
    # CheckboxSelectMultiple is a RadioSelect subclass in Django: ask about it first.
    multiple = isinstance(field.field.widget, forms.CheckboxSelectMultiple)
    return "checkboxes" if multiple else "radios"


@register.filter
def error_anchor(field: forms.BoundField) -> str:
    """The id an error summary links to: the field itself, or the first choice of a list
    (a list of radios or checkboxes has no element carrying the field's own id)."""
    if field.is_hidden:
        return "main"
    if is_choice_list(field):
        return f"{field.auto_id}_0"
    return str(field.auto_id)


@register.filter
def govuk_choices(field: forms.BoundField) -> list[forms.boundfield.BoundWidget]:
    """Each choice's input with the GOV.UK class, its label drawn beside it (not around it),
    as Django's own ``field.subwidgets`` builds them otherwise (ids, required, disabled)."""
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    attrs = field.build_widget_attrs({"id": id_} if id_ else {})
    attrs["class"] = f"govuk-{choice_kind(field)}__input"
    return [
        forms.boundfield.BoundWidget(widget, sub, field.form.renderer)
        for sub in widget.subwidgets(field.html_name, field.value(), attrs=attrs)
    ]


@register.simple_tag(takes_context=True)
def sort_header(context: template.Context, key: str, label: str) -> SafeString:
    """A column header that sorts the table by ``key`` (again: the other way round)."""
    request: HttpRequest = context["request"]
    current = str(context.get("sort", request.GET.get(SORT_PARAM, "")))
    href, state = sort_link(request.GET, key, current)
    aria = {"asc": "ascending", "desc": "descending"}.get(state, "none")
    return format_html(
        '<th scope="col" class="govuk-table__header" aria-sort="{}">'
        '<a class="govuk-link lh-sort lh-sort--{}" href="?{}">{}</a></th>',
        aria,
        state or "none",
        href,
        label,
    )


@register.inclusion_tag("web/partials/status_tag.html")
def status_tag(value: object, label: object = "") -> dict[str, object]:
    code = str(value or "")
    colour = next((c for c, values in TAG_COLOURS.items() if code in values), "grey")
    return {"colour": colour, "label": label or code}


@register.simple_tag(takes_context=True)
def page_url(context: template.Context, **changes: object) -> str:
    """The current address with ``changes`` applied to its query (e.g. ``page=3``)."""
    request: HttpRequest = context["request"]
    query = request.GET.copy()
    for key, value in changes.items():
        query[key] = str(value)
    return "?" + query.urlencode()


@register.filter
def can(user: object, action: str) -> bool:
    """Whether ``user`` may do ``action`` (an Action value) anywhere: links a page shows only
    when the role may open them."""
    return user_can(user=user, action=Action(action))  # type: ignore[arg-type]
