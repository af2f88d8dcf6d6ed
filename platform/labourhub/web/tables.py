"""Sortable staff tables: which columns a list may be sorted by comes from the view, never
from the address, so a crafted ``?sort=`` cannot order by an arbitrary field."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import QueryDict

SORT_PARAM = "sort"
M = TypeVar("M", bound=Any)


@dataclass(frozen=True)
class Sort:
    key: str  # as shown in the address: "name" or "-name"
    fields: tuple[str, ...]


def table_sort(params: QueryDict, columns: Mapping[str, tuple[str, ...]], default: str) -> Sort:
    """The sort the user asked for, if it names one of ``columns``; else ``default``.

    ``columns`` maps a column key to the model fields it orders by (ascending); "-key" reverses
    them. ``pk`` is appended so pages never overlap.
    """
    asked = params.get(SORT_PARAM, "") or default
    name = asked.removeprefix("-")
    if name not in columns:
        asked, name = default, default.removeprefix("-")
    descending = asked.startswith("-")
    fields = tuple(("-" + f.removeprefix("-")) if descending else f for f in columns[name])
    return Sort(asked, (*fields, "-pk" if descending else "pk"))


def table_sorted(rows: "QuerySet[M]", sort: Sort) -> "QuerySet[M]":
    return rows.order_by(*sort.fields)


def sort_link(params: QueryDict, key: str, current: str) -> tuple[str, str]:
    """The query string that sorts by ``key`` and the column's state ("asc", "desc", "")."""
    state = "asc" if current == key else "desc" if current == "-" + key else ""
    query = params.copy()
    query.pop("page", None)
    query.pop("cursor", None)
    query[SORT_PARAM] = "-" + key if state == "asc" else key
    return query.urlencode(), state
