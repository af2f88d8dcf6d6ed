"""The staff shell on GOV.UK Frontend: grouped menu, breadcrumbs, form errors, sortable tables,
notification banners, and forms that offer only what the user may submit."""

import re
from pathlib import Path

import pytest
from django.http import QueryDict

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create
from labourhub.audit.models import AuditEvent
from labourhub.extensions.types import MENU_GROUPS, MenuItem
from labourhub.registry.models import Establishment
from labourhub.registry.services import employer_create, establishment_create
from labourhub.web.menu import menu_groups, menu_trail
from labourhub.web.tables import table_sort
from tests.web.menus import menu_html


def test_menu_items_group_by_task_and_unknown_groups_fall_back_to_work():
    items = [
        MenuItem("Home", "/app/"),  # default group
        MenuItem("Cases", "/app/cases/", group="cases"),
        MenuItem("Users", "/app/users/", group="administration"),
        MenuItem("Odd", "/app/x/odd/", group="no-such-group"),
    ]
    groups = menu_groups(items)
    assert [g.key for g in groups] == ["work", "cases", "administration"]
    assert [i.label for i in groups[0].items] == ["Home", "Odd"]
    assert all(g.key in MENU_GROUPS for g in groups)


def test_breadcrumbs_lead_home_then_to_the_menu_page_above():
    items = [MenuItem("Home", "/app/"), MenuItem("Cases", "/app/cases/", group="cases")]
    assert menu_trail(items, "/app/", "/app/") == []
    assert [i.label for i in menu_trail(items, "/app/cases/", "/app/")] == ["Home"]
    assert [i.label for i in menu_trail(items, "/app/cases/7/", "/app/")] == ["Home", "Cases"]


def test_sort_accepts_only_the_views_columns():
    columns = {"name": ("name",), "office": ("office__name",)}
    assert table_sort(QueryDict("sort=-office"), columns, "name").fields == (
        "-office__name",
        "-pk",
    )
    for hostile in ("password", "-password", "name__secret", "'; DROP TABLE x;--", "--name"):
        sort = table_sort(QueryDict(f"sort={hostile}"), columns, "name")
        assert sort.key == "name" and sort.fields == ("name", "pk"), hostile


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.INSPECTOR, Role.CLERK])
def test_menu_is_grouped_and_plugin_items_choose_their_group(
    client_for, ministry, user_with_role, enable_plugin, role
):
    enable_plugin("trade-unions")
    client = client_for(ministry)
    client.force_login(user_with_role(role))
    page = client.get("/app/").content.decode()
    nav = menu_html(page)
    assert 'class="lh-nav__summary"' in nav
    if role != Role.SYSTEM_ADMIN:
        assert "/app/users/" not in nav
    # The plugin's link sits in the "Cases" group it asked for.
    groups = re.findall(r'<summary class="lh-nav__summary">([^<]*)</summary>(.*?)</ul>', nav, re.S)  # fmt: skip
    with_unions = [label for label, links in groups if "/app/x/trade-unions/" in links]
    assert with_unions == ["Casos"]  # the test ministry speaks Spanish


def test_staff_pages_use_the_vendored_design_system_without_gov_uk_branding(
    client_for, ministry, user_with_role
):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SUPERVISOR))
    page = client.get("/app/cases/").content.decode()
    assert "/static/vendor/govuk-frontend-6.6.0/govuk-frontend.min.css" in page
    assert "GOV.UK" not in page and "govuk-header__logotype" not in page
    assert 'class="govuk-breadcrumbs"' in page and 'href="/app/"' in page
    assert "Test Ministry of Labour" in page  # the ministry's name in the header
    assert "lh-empty" in page  # no case yet: a helpful empty state, not an empty table


def test_help_link_shows_only_with_a_role_guide(rf, ministry, user_with_role):
    from django.template.loader import render_to_string

    user = user_with_role(Role.INSPECTOR)
    request = rf.get("/app/")
    request.user = user
    request.tenant = ministry
    base = {"request": request, "user": user, "menu": [], "ministry": ministry}
    assert "/guide/inspector/" not in render_to_string("web/base.html", base)
    page = render_to_string("web/base.html", {**base, "role_guide_url": "/guide/inspector/"})
    assert 'href="/guide/inspector/"' in page


def test_form_errors_show_a_summary_and_inline_messages(client_for, ministry, user_with_role):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    before = (User.objects.count(), AuditEvent.objects.count())
    response = client.post("/app/users/", {"username": "<script>", "role": "god", "password": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="govuk-error-summary"' in page
    assert 'href="#id_username"' in page  # the summary links to the field
    assert 'id="id_username-error"' in page and 'aria-describedby="id_username-error"' in page
    assert "govuk-input--error" in page
    assert "&lt;script&gt;" in page and '<script>"' not in page
    assert (User.objects.count(), AuditEvent.objects.count()) == before


def test_messages_are_notification_banners(client_for, ministry, user_with_role):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    response = client.post(
        "/app/users/",
        {"username": "banner.user", "role": "clerk", "password": "Contraseña-segura-2026"},
        follow=True,
    )
    page = response.content.decode()
    assert "govuk-notification-banner--success" in page and "banner.user" in page


def test_sortable_list_headers_keep_filters_and_reject_unknown_columns(
    client_for, ministry, user_with_role
):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    user_with_role(Role.CLERK, username="aaa-first")
    user_with_role(Role.CLERK, username="zzz-last")
    page = client.get("/app/users/?q=&sort=-username").content.decode()
    assert page.index("zzz-last") < page.index("aaa-first")
    assert 'aria-sort="descending"' in page and "sort=username" in page
    page = client.get("/app/users/?sort=password").content.decode()
    assert page.index("aaa-first") < page.index("zzz-last")  # unknown column: default order


def test_user_form_offers_only_staff_roles(client_for, ministry, user_with_role):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    page = client.get("/app/users/").content.decode()
    assert 'value="clerk"' in page
    assert 'value="employer"' not in page and 'value="worker"' not in page
    response = client.post(
        "/app/users/", {"username": "not.a.portal", "role": "employer", "password": "x-Y-z-2026!"}
    )
    assert response.status_code == 400
    assert not User.objects.filter(username="not.a.portal").exists()


@pytest.fixture
def two_offices(in_ministry):
    region = Office.objects.filter(code="T-REG").first() or office_create(
        code="T-REG", name="Test region", level="region", actor=None
    )
    own = Office.objects.filter(code="T-DIS").first() or office_create(
        code="T-DIS", name="Test district", level="district", parent=region, actor=None
    )
    other_region = office_create(code="O-REG", name="Far region", level="region", actor=None)
    other = office_create(
        code="O-DIS", name="Far district", level="district", parent=other_region, actor=None
    )
    return own, other


def test_establishment_form_offers_only_the_clerks_office(
    client_for, ministry, user_with_role, two_offices
):
    own, other = two_offices
    clerk = user_with_role(Role.CLERK, office=own)
    client = client_for(ministry)
    client.force_login(clerk)
    page = client.get("/app/establishments/new/").content.decode()
    assert f'<option value="{own.pk}"' in page
    assert f'<option value="{other.pk}"' not in page
    before = Establishment.objects.count()
    response = client.post(
        "/app/establishments/new/",
        {
            "name": "Elsewhere Ltd",
            "employer_legal_name": "Elsewhere Ltd",
            "office": other.pk,
            "isic_code": "1071",
            "workers_female": 1,
            "workers_male": 1,
            "workers_minors": 0,
        },
    )
    assert response.status_code in (200, 400)
    assert "govuk-error-summary" in response.content.decode()
    assert Establishment.objects.count() == before


def test_inspection_plan_offers_only_establishments_in_scope(
    client_for, ministry, user_with_role, two_offices
):
    own, other = two_offices
    employer = employer_create(legal_name="Both Offices SA", actor=None)
    near = establishment_create(
        employer=employer, name="Near Shop", office=own, isic_code="4711", actor=None
    )
    far = establishment_create(
        employer=employer, name="Far Shop", office=other, isic_code="4711", actor=None
    )
    head = user_with_role(Role.OFFICE_HEAD, office=own)
    client = client_for(ministry)
    client.force_login(head)
    page = client.get("/app/inspections/").content.decode()
    assert f'<option value="{near.pk}"' in page
    assert f'<option value="{far.pk}"' not in page


def test_inspection_subnav_hides_the_team_page_from_inspectors(
    client_for, ministry, user_with_role
):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.INSPECTOR))
    page = client.get("/app/inspections/mine/").content.decode()
    assert 'href="/app/inspections/team/"' not in page
    assert client.get("/app/inspections/team/").status_code == 403


# Standalone documents (printed, or rendered to PDF) style their own markup.
STANDALONE = {"documents/templates/documents/case_file_index.html"}
PLAIN = {
    "table": re.compile(r"<table(?![^>]*govuk-table)[\s>]"),
    "button": re.compile(r"<button(?![^>]*(?:govuk-button|lh-header__button))[\s>]"),
    "stylesheet": re.compile(r"portal/portal\.css"),
}


def test_staff_and_portal_templates_use_gov_uk_tables_and_buttons():
    root = Path(__file__).resolve().parents[2]
    templates = [
        p
        for base in (root / "platform" / "labourhub", root / "plugins")
        for p in base.rglob("templates/**/*.html")
        if not any(str(p).endswith(s) for s in STANDALONE)
    ]
    assert len(templates) > 150
    plain = [
        (str(p.relative_to(root)), kind)
        for p in templates
        for kind, pattern in PLAIN.items()
        if pattern.search(p.read_text())
    ]
    assert plain == []


def test_choice_lists_are_gov_uk_radios_and_checkboxes_and_keep_what_was_chosen():
    from django import forms

    class Pick(forms.Form):
        colour = forms.ChoiceField(
            choices=[("r", "Rojo"), ("v", "Verde")], widget=forms.RadioSelect, label="Color"
        )
        days = forms.MultipleChoiceField(
            choices=[("1", "Lunes"), ("2", "Martes")], widget=forms.CheckboxSelectMultiple
        )

    html = str(Pick(data={"colour": "v", "days": ["x<script>"]}))
    radios = re.search(
        r'<div class="govuk-radios govuk-radios--small">(.*?)</fieldset>', html, re.S
    )
    assert radios, html
    # The input sits before its label (GOV.UK draws the circle from that order), named and tied.
    assert re.search(
        r'<input type="radio" name="colour" value="v" id="id_colour_1" required '
        r'class="govuk-radios__input" checked>\s*<label class="govuk-label govuk-radios__label" '
        r'for="id_colour_1">Verde</label>',
        radios.group(1),
    ), radios.group(1)
    assert radios.group(1).count("checked") == 1
    assert 'class="govuk-checkboxes govuk-checkboxes--small"' in html
    assert 'class="govuk-checkboxes__input"' in html
    # A hostile value is an inline error beside the list, escaped, never echoed as markup.
    assert "govuk-form-group--error" in html and "<script>" not in html
    assert 'aria-describedby=" id_days-error"' in html or 'aria-describedby="id_days-error"' in html


def test_error_summary_links_reach_the_first_choice_of_a_list():
    from django import forms
    from django.template.loader import render_to_string

    class Pick(forms.Form):
        colour = forms.ChoiceField(
            choices=[("r", "Rojo"), ("v", "Verde")], widget=forms.RadioSelect, label="Color"
        )
        name = forms.CharField()

    form = Pick(data={})
    summary = render_to_string("web/partials/error_summary.html", {"form": form})
    targets = re.findall(r'<a href="#([^"]+)"', summary)
    assert targets == ["id_colour_0", "id_name"]
    fields = str(form)
    for target in targets:
        assert f'id="{target}"' in fields, target
