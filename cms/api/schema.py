"""OpenAPI description of the endpoints drf-spectacular cannot introspect on its own.

Wagtail's API views build their serializers per request (fields, page type), so their
responses are described here by hand: the fields every item has, plus whatever a page
type or the `fields` parameter adds (JSON Schema allows extra properties).
"""

from drf_spectacular.openapi import AutoSchema as AutoSchemaBase
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers

from .languages import LANGUAGE_CODES
from .pagination import MAX_LIMIT, MAX_OFFSET

PUBLIC_API_PREFIX = "/api/v2/"


def only_public_api(endpoints, **kwargs):
    """Keep the public API in the schema; the admin's internal APIs are not part of it."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIX)]


LOCALE = OpenApiParameter(
    "locale",
    str,
    enum=LANGUAGE_CODES,
    description="Language of the response; defaults to Accept-Language, then English. "
    "Items missing in that language are served in English with is_fallback true.",
)
LIMIT = OpenApiParameter(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    description="Items per page (1 to 100, default 20).",
)
OFFSET = OpenApiParameter(
    "offset", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}, description="Items to skip."
)
FIELDS = OpenApiParameter(
    "fields", str, description="Comma-separated fields to add (or remove with a leading -), or *."
)
ORDER = OpenApiParameter(
    "order", str, description="Field to order by; prefix - to reverse; random."
)
SEARCH = OpenApiParameter("search", str, description="Full-text search terms.")
SEARCH_OPERATOR = OpenApiParameter("search_operator", str, enum=["and", "or"])

PAGE_FILTERS = [
    OpenApiParameter(
        "type", str, description="Page type as app_label.ModelName, e.g. core.HomePage."
    ),
    OpenApiParameter("child_of", str, description="Id of the parent page, or root."),
    OpenApiParameter("descendant_of", int, description="Id of an ancestor page."),
    OpenApiParameter("ancestor_of", int, description="Id of a descendant page."),
    OpenApiParameter("translation_of", int, description="Id of a page in another language."),
    OpenApiParameter("site", str, description="Hostname (and :port) of the site."),
]

TRANSLATION_LINK = inline_serializer(
    "PageTranslationLink",
    {
        "locale": serializers.ChoiceField(LANGUAGE_CODES),
        "id": serializers.IntegerField(),
        "detail_url": serializers.URLField(),
        "html_url": serializers.CharField(allow_null=True),
    },
)

PAGE_META = inline_serializer(
    "PageMeta",
    {
        "type": serializers.CharField(required=False),
        "detail_url": serializers.URLField(required=False),
        "html_url": serializers.CharField(required=False, allow_null=True),
        "slug": serializers.CharField(required=False),
        "first_published_at": serializers.DateTimeField(required=False, allow_null=True),
        "show_in_menus": serializers.BooleanField(required=False),
        "seo_title": serializers.CharField(required=False, allow_blank=True),
        "search_description": serializers.CharField(required=False, allow_blank=True),
        "alias_of": serializers.JSONField(required=False, allow_null=True),
        "parent": serializers.JSONField(required=False, allow_null=True),
        "locale": serializers.ChoiceField(LANGUAGE_CODES, required=False),
        "requested_locale": serializers.ChoiceField(LANGUAGE_CODES, required=False),
        "is_fallback": serializers.BooleanField(required=False),
        "translations": TRANSLATION_LINK.__class__(many=True, required=False),
    },
)

PAGE = inline_serializer(
    "Page",
    {
        "id": serializers.IntegerField(),
        "meta": PAGE_META,
        "title": serializers.CharField(required=False),
    },
)


def listing_of(name, item):
    return inline_serializer(
        name,
        {
            "meta": inline_serializer(f"{name}Meta", {"total_count": serializers.IntegerField()}),
            "items": item.__class__(many=True),
        },
    )


ERROR = inline_serializer(
    "Error",
    {
        "message": serializers.CharField(),
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()), required=False
        ),
    },
)


def wagtail_endpoint_schema(name, item, filters=()):
    """Describe a Wagtail API endpoint class (its listing, detail and find views)."""
    listing_parameters = [LOCALE, LIMIT, OFFSET, FIELDS, ORDER, SEARCH, SEARCH_OPERATOR, *filters]
    identifier = OpenApiParameter("id", {"type": "integer", "minimum": 0}, OpenApiParameter.PATH)

    def decorate(endpoint_class):
        class DescribedEndpoint(endpoint_class):
            @extend_schema(
                operation_id=f"{name}_list",
                parameters=listing_parameters,
                responses={200: listing_of(f"{name.title()}Listing", item), 400: ERROR},
            )
            def listing_view(self, request):
                return super().listing_view(request)

            @extend_schema(
                operation_id=f"{name}_retrieve",
                parameters=[identifier, LOCALE, FIELDS],
                responses={200: item, 400: ERROR, 404: ERROR},
            )
            def detail_view(self, request, pk):
                return super().detail_view(request, pk)

            @extend_schema(
                operation_id=f"{name}_find",
                parameters=[
                    OpenApiParameter("html_path", str),
                    OpenApiParameter("id", int),
                    LOCALE,
                ],
                responses={302: None, 400: ERROR, 404: ERROR},
            )
            def find_view(self, request):
                return super().find_view(request)

        DescribedEndpoint.__name__ = DescribedEndpoint.__qualname__ = endpoint_class.__name__
        DescribedEndpoint.__module__ = endpoint_class.__module__
        return DescribedEndpoint

    return decorate


def media_item(name, **extra_fields):
    """An item of the images or documents endpoint: id, meta and title, plus `extra_fields`."""
    meta = inline_serializer(
        f"{name}Meta",
        {
            "type": serializers.CharField(required=False),
            "detail_url": serializers.URLField(required=False),
            "tags": serializers.ListField(child=serializers.CharField(), required=False),
            "download_url": serializers.CharField(required=False),
        },
    )
    fields = {
        "id": serializers.IntegerField(),
        "meta": meta,
        "title": serializers.CharField(required=False),
    }
    return inline_serializer(name, {**fields, **extra_fields})


IMAGE = media_item(
    "Image",
    width=serializers.IntegerField(required=False),
    height=serializers.IntegerField(required=False),
)
DOCUMENT = media_item("Document")


class AutoSchema(AutoSchemaBase):
    """drf-spectacular's AutoSchema, documenting the error answers every endpoint can give,
    and the Idempotency-Key header where a view honours it (cms.api.idempotency)."""

    def is_idempotent(self):
        return self.method in getattr(self.view, "idempotent_methods", ())

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.is_idempotent():
            from .idempotency import PARAMETER

            parameters = [*parameters, PARAMETER]
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        responses.setdefault("400", self._get_response_for_code(ERROR, "400"))
        if "{" in self.path:
            responses.setdefault("404", self._get_response_for_code(ERROR, "404"))
        if self.method not in ("GET", "HEAD", "OPTIONS"):
            responses.setdefault("401", self._get_response_for_code(ERROR, "401"))
            responses.setdefault("403", self._get_response_for_code(ERROR, "403"))
        if self.is_idempotent():
            responses.setdefault("409", self._get_response_for_code(ERROR, "409"))
            responses.setdefault("422", self._get_response_for_code(ERROR, "422"))
        if getattr(self.view, "throttle_classes", None):
            responses.setdefault("429", self._get_response_for_code(ERROR, "429"))
        return responses
