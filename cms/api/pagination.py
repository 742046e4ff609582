"""Pagination shaped like Wagtail's API: {"meta": {"total_count": n}, "items": [...]}."""

from django.utils.translation import gettext as _
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

from .languages import QueryParameterError


class Pagination(LimitOffsetPagination):
    default_limit = 20
    max_limit = 100

    def get_limit(self, request):
        # Out-of-range values are errors, not silently replaced (see the API contract).
        for parameter in (self.limit_query_param, self.offset_query_param):
            raw = request.query_params.get(parameter)
            if raw is not None and not raw.isdigit():
                raise QueryParameterError(
                    parameter,
                    _("%(parameter)s must be a whole number of 0 or more.")
                    % {"parameter": parameter},
                )
        limit = super().get_limit(request)
        if limit == 0 or (limit or 0) > self.max_limit:
            raise QueryParameterError(
                "limit", _("limit must be between 1 and %(maximum)d.") % {"maximum": self.max_limit}
            )
        return limit

    def get_paginated_response(self, data):
        return Response({"meta": {"total_count": self.count}, "items": data})

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: {"minimum": 1, "maximum": self.max_limit},
            self.offset_query_param: {"minimum": 0},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {
                    "type": "object",
                    "properties": {"total_count": {"type": "integer", "minimum": 0}},
                    "required": ["total_count"],
                },
                "items": schema,
            },
        }
