"""One way for services to queue background work: by task name, once the transaction commits.

Tasks import the services they run; services never import tasks. A service that starts
background work names the task instead, so the import graph has no circle between the two and
a rolled-back transaction never leaves a queued task behind pointing at rows that do not exist.
"""

from __future__ import annotations

from typing import Any

from celery import current_app
from django.db import transaction
from django.utils.module_loading import import_string


def task_enqueue_on_commit(name: str, /, **kwargs: Any) -> None:
    """Queue the Celery task ``name`` (its dotted path) with ``kwargs`` after the commit.

    The task object is resolved when the commit happens, so it runs through the tenant-aware
    app: the current ministry's schema travels with the message, and eager mode (no broker in
    development) still runs it in-process.
    """

    def send() -> None:
        task = current_app.tasks.get(name) or import_string(name)
        task.apply_async(kwargs=kwargs)

    # Robust: the change is committed by now, so a broker outage must not turn the caller's
    # success into an error (the client would retry a write that was applied). The failure is
    # logged; work that must not be lost has its own recovery once the broker is back: webhook
    # deliveries are swept from their outbox, deadlines by the hourly sweep, and an import whose
    # check or run was never queued keeps its status, so it can simply be started again.
    transaction.on_commit(send, robust=True)
