"""Audit event kinds, the payload shape, and how events read on the audit pages."""

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone, translation

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create, user_deactivate
from labourhub.audit.events import (
    LEGACY_ACTIONS,
    AuditAction,
    AuditActionType,
    audit_action_label,
    audit_action_register,
)
from labourhub.audit.models import GENESIS_HASH, AuditEvent
from labourhub.audit.payload import AuditPayloadError
from labourhub.audit.selectors import audit_event_list
from labourhub.audit.services import audit_record
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tenants.context import ministry_context, public_context
from tenants.models import PluginActivation


@pytest.mark.parametrize("action", list(AuditAction), ids=lambda a: a.value)
def test_every_action_has_a_label_translated_in_spanish_and_french(action):
    english = str(action.label)
    assert english != action.value and "." not in english and "_" not in english
    for language in ("es", "fr"):
        with translation.override(language):
            assert str(action.label) != english, f"{action.value} is not translated in {language}"


def test_codes_are_unique_and_legacy_codes_map_to_members():
    assert len(set(AuditAction.values)) == len(AuditAction)
    assert not set(LEGACY_ACTIONS) & set(AuditAction.values)
    with translation.override("es"):
        assert audit_action_label("case.open") == str(AuditAction.CASE_OPENED.label)
        assert audit_action_label("gone.plugin") == "Otro evento (gone.plugin)"


def _in_tx(**kwargs):
    with transaction.atomic():
        return audit_record(actor=None, **kwargs)


def test_a_free_string_action_is_refused(in_ministry):
    count = AuditEvent.objects.count()
    with pytest.raises(TypeError, match="Unknown audit action"):
        _in_tx(action="case.opened")
    unregistered = AuditActionType(code="nobody.declared", label="Nobody declared this")
    with pytest.raises(TypeError):
        _in_tx(action=unregistered)
    assert AuditEvent.objects.count() == count


@pytest.mark.parametrize(
    "payload",
    [
        {"changes": {"status": "closed"}},
        {"changes": {"status": ("open", "closed", "reopened")}},
        {"before": "open", "after": "closed"},
        {"values": ["a", "b"]},
        {"values": {"": 1}},
        {"note": {"text": "not text"}},
        ["changes"],
    ],
)
def test_an_ill_shaped_payload_is_refused(in_ministry, payload):
    count = AuditEvent.objects.count()
    with pytest.raises(AuditPayloadError):
        _in_tx(action=AuditAction.CASE_OPENED, payload=payload)
    assert AuditEvent.objects.count() == count


def test_a_plugin_declares_its_own_action():
    action = audit_action_register(code="test_plugin.thing_done", label="Thing done")
    assert audit_action_register(code="test_plugin.thing_done", label="Thing done") == action
    assert audit_action_label("test_plugin.thing_done") == "Thing done"
    with pytest.raises(ValueError, match="core"):
        audit_action_register(code="case.opened", label="Hijack")
    with pytest.raises(ValueError, match="another label"):
        audit_action_register(code="test_plugin.thing_done", label="Other")
    with pytest.raises(ValueError, match=r"subject\.verb"):
        audit_action_register(code="NoDot", label="Bad")


def test_a_registered_plugin_action_is_recorded(in_ministry):
    action = audit_action_register(code="test_plugin.thing_done", label="Thing done")
    event = _in_tx(action=action, payload={"values": {"count": 2}, "note": "why"})
    assert event.action == "test_plugin.thing_done"
    assert event.extra == {"format": 2, "values": {"count": 2}, "note": "why"}


def _auditor_client(client_for, ministry, user_with_role, username="auditor-es"):
    admin = user_with_role(Role.SYSTEM_ADMIN, username=username)
    client = client_for(ministry)
    client.force_login(admin)
    client.cookies["django_language"] = "es"
    return client, admin


def test_audit_page_shows_labels_and_a_readable_diff_in_spanish(
    client_for, ministry, user_with_role, in_ministry
):
    client, admin = _auditor_client(client_for, ministry, user_with_role)
    leaver = user_with_role(Role.INSPECTOR, username="leaver-es")
    user_deactivate(user=leaver, actor=admin, reason="Fin de contrato")
    rows = client.get(
        f"/app/audit/?subject_id={leaver.pk}&action=user.deactivated", HTTP_HX_REQUEST="true"
    ).content.decode()
    with translation.override("es"):
        label = str(AuditAction.USER_DEACTIVATED.label)
    assert label in rows and "user.deactivated" not in rows
    assert "Estado: Activo → " in rows, rows
    assert "Motivo: Fin de contrato" in rows
    assert "{" not in rows and "'" not in rows and "[" not in rows


def test_audit_page_reads_events_recorded_before_the_enumeration(
    client_for, ministry, user_with_role, in_ministry
):
    client, _admin = _auditor_client(client_for, ministry, user_with_role)
    with transaction.atomic():
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        old = AuditEvent(
            occurred_at=timezone.now(),
            actor_repr="old-clerk",
            action="case.open",
            changes={"state": {"before": "draft", "after": "intake"}, "procedure": "complaint"},
            extra={"documents": ["a.pdf"]},
            prev_hash=last or GENESIS_HASH,
        )
        old.hash = old.compute_hash()
        old.save(force_insert=True)
    rows = client.get(
        "/app/audit/?actor=old-clerk&action=case.opened", HTTP_HX_REQUEST="true"
    ).content.decode()
    with translation.override("es"):
        assert str(AuditAction.CASE_OPENED.label) in rows
    assert "Paso: draft → intake" in rows and "Documentos: a.pdf" in rows
    assert "{" not in rows and "'" not in rows


def test_a_ministry_audit_page_never_shows_another_ministrys_events(
    client_for, ministry, second_ministry, user_with_role
):
    with ministry_context(second_ministry):
        user_create(username="secret-in-b", password=TEST_PASSWORD, actor=None)
        assert audit_event_list(filters={"action": "user.created"}).filter(
            subject_repr__contains="secret-in-b"
        )
    with ministry_context(ministry):
        client, _admin = _auditor_client(client_for, ministry, user_with_role, "auditor-a")
        page = client.get("/app/audit/?action=user.created").content.decode()
    assert "secret-in-b" not in page


def _operator(username="operator-1", roles=(Role.SYSTEM_ADMIN,)):
    with public_context():
        user = user_create(username=username, password=TEST_PASSWORD, roles=list(roles), actor=None)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.mark.multi_tenant
def test_console_operator_is_named_in_both_trails_after_activating_a_plugin(ministry):
    from labourhub.extensions.manager import unregister_plugin
    from labourhub.extensions.registry import plugin_register_installed

    plugin_register_installed("trade-unions")
    try:
        client = _operator("operator-ana")
        answer = client.post(
            f"/console/ministries/{ministry.schema_name}/plugins/",
            {"plugin": "trade-unions", "op": "activate", "trade-unions-config": "{}"},
        )
        assert answer.status_code == 302
        assert PluginActivation.objects.get(plugin_slug="trade-unions").enabled
        # Newest first (the model orders by -id): other tests may have activated plugins before.
        public = AuditEvent.objects.filter(action=AuditAction.PLUGIN_ACTIVATED).first()
        assert public is not None and public.actor_repr == "operator-ana"
        with ministry_context(ministry):
            local = AuditEvent.objects.filter(action=AuditAction.PLUGIN_ACTIVATED).first()
            assert local is not None and local.actor_repr == "operator-ana"
        client.cookies["django_language"] = "es"
        page = client.get("/console/audit/?action=plugin.activated")
        body = page.content.decode()
        assert page.status_code == 200 and "operator-ana" in body
        assert "Habilitado: No → Sí" in body and "{" not in body.split('id="audit-rows"')[1]
    finally:
        unregister_plugin("trade-unions")


@pytest.mark.multi_tenant
def test_console_audit_page_is_for_operators_only(client_for, ministry, user_with_role):
    assert Client(HTTP_HOST="localhost").get("/console/audit/").status_code == 302
    clerk = _operator("public-clerk-a", roles=(Role.CLERK,))
    assert clerk.get("/console/audit/").status_code == 403
    staff = client_for(ministry)
    staff.force_login(user_with_role(Role.SYSTEM_ADMIN))
    assert staff.get("/console/audit/").status_code == 404


@pytest.mark.multi_tenant
def test_console_audit_page_lists_only_the_platform_trail(ministry):
    with ministry_context(ministry):
        user_create(username="ministry-only-user", password=TEST_PASSWORD, actor=None)
    body = _operator("operator-b").get("/console/audit/").content.decode()
    assert "ministry-only-user" not in body


def test_audit_api_gives_the_label_and_readable_lines(api_client_for, ministry, user_with_role):
    admin = user_with_role(Role.SYSTEM_ADMIN, username="api-auditor")
    leaver = user_with_role(Role.INSPECTOR, username="api-leaver")
    user_deactivate(user=leaver, actor=admin)
    rows = (
        api_client_for(ministry, admin)
        .get(f"/api/v1/audit/events/?action=user.deactivated&subject_id={leaver.pk}")
        .json()["results"]
    )
    assert [row["action"] for row in rows] == ["user.deactivated"]
    with translation.override("es"):
        assert rows[0]["action_label"] == str(AuditAction.USER_DEACTIVATED.label)
    assert any(line.startswith("Estado: ") for line in rows[0]["lines"])


def _public_operator(username):
    with public_context():
        return user_create(
            username=username, password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )


@pytest.mark.multi_tenant
def test_rollout_names_the_operator_in_the_ministrys_trail(ministry):
    from tenants.release_services import release_create, release_rollout_start

    operator = _public_operator("operator-rollout")
    release = release_create(version="0.1.9", actor=operator)
    release_rollout_start(release=release, canary=ministry, actor=operator)
    public = AuditEvent.objects.get(action=AuditAction.RELEASE_ROLLOUT_STARTED)
    assert public.actor_repr == "operator-rollout"
    with ministry_context(ministry):
        local = AuditEvent.objects.get(action=AuditAction.RELEASE_ROLLOUT_QUEUED)
        assert (local.actor_repr, local.actor_id) == ("operator-rollout", None)
        assert local.extra["values"] == {"release": "0.1.9"}


def test_provisioning_names_the_operator_in_the_new_ministrys_trail(db):
    from tenants.services import MinistrySpec, ministry_provision

    operator = _public_operator("operator-provision")
    ministry = ministry_provision(
        spec=MinistrySpec(
            slug="auditland",
            name="Ministry of Labour of Auditland",
            country="BZ",
            languages=["en", "es"],
            default_language="en",
            time_zone="America/Belize",
            currency="BZD",
        ),
        admin_username="boss",
        admin_password="Str0ng-password-2026",
        actor=operator,
    )
    public = AuditEvent.objects.get(
        action=AuditAction.MINISTRY_PROVISIONED, subject_id=str(ministry.pk)
    )
    assert public.actor_repr == "operator-provision"
    with ministry_context(ministry):
        local = AuditEvent.objects.get(action=AuditAction.MINISTRY_PROVISIONED)
        assert local.actor_repr == "operator-provision"
