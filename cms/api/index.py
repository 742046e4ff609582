"""GET /api/v2/: where everything is, for a client that starts from the root.

The index is read from the URL configuration itself, so an endpoint an installed app adds is
listed, and one it takes away is not, without anything to keep in step here.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.utils import get_full_url

from .languages import requested_language
from .schema import PUBLIC_API_PREFIX

API_INDEX = inline_serializer(
    "ApiIndex",
    {
        "endpoints": serializers.DictField(
            child=serializers.URLField(),
            help_text="Each endpoint that takes no path parameter, by its path under /api/v2/.",
        ),
        "schema": serializers.URLField(help_text="The OpenAPI schema of the API."),
        "docs": serializers.URLField(help_text="The API's documentation."),
    },
)


def fixed_routes(resolver, prefix=""):
    """The routes of `resolver` that take no parameter, as '/api/v2/pages/' and so on."""
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from fixed_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and not any(mark in route for mark in "<(?\\"):
            yield "/" + route


class ApiIndexView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="api_index",
        summary="List the endpoints",
        description="The API's endpoints that take no path parameter, with the addresses of "
        "its schema and documentation.",
        tags=["api"],
        responses={200: API_INDEX},
    )
    def get(self, request):
        requested_language(request)  # a malformed ?locale= is refused here as everywhere
        endpoints = {
            route.removeprefix(PUBLIC_API_PREFIX).rstrip("/"): get_full_url(request, route)
            for route in sorted(set(fixed_routes(get_resolver())))
            if route.startswith(PUBLIC_API_PREFIX) and route != PUBLIC_API_PREFIX
        }
        return Response(
            {
                "endpoints": endpoints,
                "schema": get_full_url(request, reverse("api-schema")),
                "docs": get_full_url(request, reverse("api-docs")),
            }
        )
