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

    transaction.on_commit(send)
