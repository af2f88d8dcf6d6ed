"""OpenAPI generation: unique component names for serializers nested in views.

Every view nests its own ``InputSerializer``; named after the class alone they all became one
component ("Input"), so the document showed one endpoint's body for another (the token request
was described with the alert endpoint's ``ids``). The owner's name makes each one distinct.
"""

from typing import Any, Literal

from drf_spectacular.openapi import AutoSchema


class LabourHubAutoSchema(AutoSchema):
    def get_serializer_name(
        self, serializer: Any, direction: Literal["request", "response"]
    ) -> str:
        qualname = type(serializer).__qualname__
        if "." not in qualname:
            return str(super().get_serializer_name(serializer, direction))
        owner, _sep, name = qualname.rpartition(".")
        owner = owner.replace(".", "")
        if owner.endswith("Api"):
            owner = owner[:-3]
        return owner + name
