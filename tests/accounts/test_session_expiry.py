import datetime as dt

import time_machine
from django.conf import settings

from labourhub.accounts.roles import Role


def test_idle_session_expires(client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    client.force_login(user)
    assert client.get("/app/").status_code == 200
    idle = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + idle):
        assert client.get("/app/").status_code == 302


def test_activity_keeps_the_session_alive(client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    client.force_login(user)
    start = dt.datetime.now(tz=dt.UTC)
    step = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE * 0.6)
    for i in range(1, 4):
        with time_machine.travel(start + step * i):
            assert client.get("/app/").status_code == 200
