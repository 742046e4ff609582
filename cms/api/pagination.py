"""Pagination shaped like Wagtail's API: {"meta": {"total_count": n}, "items": [...]}."""

from django.utils.translation import gettext as _
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

from .languages import QueryParameterError

MAX_LIMIT = 100
# Far beyond any real listing, and well inside what every database accepts as an offset.
MAX_OFFSET = 1_000_000


def check_page_bounds(query_params):
    """Refuse limit/offset values that are not whole numbers in range, naming the parameter."""
    bounds = {"limit": (1, MAX_LIMIT), "offset": (0, MAX_OFFSET)}
    for parameter, (low, high) in bounds.items():
        raw = query_params.get(parameter)
        if raw is None:
            continue
        if not raw.isdigit() or not low <= int(raw) <= high:
            raise QueryParameterError(
                parameter,
                _("%(parameter)s must be a whole number from %(low)d to %(high)d.")
                % {"parameter": parameter, "low": low, "high": high},
            )


class BoundedPaginationMixin:
    """For Wagtail's API endpoints, which paginate on their own."""

    def check_query_parameters(self, queryset):
        check_page_bounds(self.request.GET)
        return super().check_query_parameters(queryset)


class Pagination(LimitOffsetPagination):
    default_limit = 20
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        # Out-of-range values are errors, not silently replaced (see the API contract).
        check_page_bounds(request.query_params)
        return super().get_limit(request)

    def get_paginated_response(self, data):
        return Response({"meta": {"total_count": self.count}, "items": data})

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: {"minimum": 1, "maximum": MAX_LIMIT},
            self.offset_query_param: {"minimum": 0, "maximum": MAX_OFFSET},
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
