from django.urls import path

from labourhub_trade_unions import apis

# Mounted by the core at /api/v1/x/trade-unions/ with namespace v1:x:trade-unions.
urlpatterns = [
    path("unions/", apis.UnionListApi.as_view(), name="union-list"),
    path("unions/file/", apis.UnionFileApi.as_view(), name="union-file"),
]
