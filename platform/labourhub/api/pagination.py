from typing import Any

from django.db.models import QuerySet
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer


class DefaultPagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = 500


def get_paginated_response(
    *,
    serializer_class: type[BaseSerializer[Any]],
    queryset: QuerySet[Any],
    request: Request,
    view: Any,
    pagination_class: type[LimitOffsetPagination] = DefaultPagination,
) -> Response:
    paginator = pagination_class()
    page = paginator.paginate_queryset(queryset, request, view=view)
    serializer = serializer_class(page, many=True)
    return paginator.get_paginated_response(serializer.data)
