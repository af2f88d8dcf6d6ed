import uuid

import pytest

from tests.inspections.conftest import World, build_world, started_inspection

__all__ = ["World", "started_inspection"]


@pytest.fixture
def world(in_ministry, user_with_role) -> World:
    return build_world(user_with_role)


@pytest.fixture
def in_progress(world):
    return started_inspection(world)


def key() -> str:
    return uuid.uuid4().hex


def answer(code, value, base=None, when="2026-12-03T08:15:00Z", **kw):
    return {"code": code, "value": value, "base": base, "device_time": when, **kw}
