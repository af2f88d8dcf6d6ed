"""Findings lead to compliance orders: a real finding from a real inspection visit."""

import pytest

from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.models import ComplianceOrder
from labourhub.enforcement.services import order_issue_from_finding
from labourhub.inspections.models import Finding
from labourhub.inspections.services import answers_save
from labourhub.workflow.models import Deadline
from tests.inspections.conftest import build_world, started_inspection


def test_a_finding_becomes_an_order_with_a_deadline(in_ministry, user_with_role):
    world = build_world(user_with_role)
    inspection = started_inspection(world)
    answers_save(
        inspection=inspection,
        expected_version=inspection.version,
        actor=inspection.inspector,
        values={"contracts-written": "no"},
    )
    finding = Finding.objects.get(inspection=inspection)
    order = order_issue_from_finding(
        finding=finding, actor=world.supervisor, days=20, supervisor=world.supervisor
    )
    assert order.finding == finding and order.provision == finding.provision
    assert order.establishment == world.establishment
    assert order.case.assigned_to == inspection.inspector
    assert Deadline.objects.get(case=order.case).amount == 20
    with pytest.raises(ApplicationError, match="already has"):
        order_issue_from_finding(finding=finding, actor=world.supervisor)
    assert ComplianceOrder.objects.count() == 1
