"""OpenAPI description of Wagtail's pages, images and documents endpoints.

Wagtail's API views build their serializers per request (fields, page type), so drf-spectacular
cannot introspect them: their answers are described here by hand, the fields every item has,
plus whatever a page type or the `fields` parameter adds (JSON Schema allows extra
properties). The detail of a page is typed per page type in `page_schemas`.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers

from .languages import LANGUAGE_CODES
from .schema import ERROR, LIMIT, LOCALE, OFFSET, with_article
from .viewsets import MAX_OBJECT_ID

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

# Another page named by a page (its parent, the page it is an alias of), as Wagtail nests it.
PAGE_LINK = inline_serializer(
    "PageLink",
    {
        "id": serializers.IntegerField(),
        "meta": inline_serializer(
            "PageLinkMeta",
            {
                "type": serializers.CharField(),
                "detail_url": serializers.URLField(),
                "html_url": serializers.CharField(allow_null=True),
            },
        ),
        "title": serializers.CharField(),
    },
)

PAGE_META_FIELDS = {
    "type": serializers.CharField(required=False),
    "detail_url": serializers.URLField(required=False),
    "html_url": serializers.CharField(required=False, allow_null=True),
    "slug": serializers.CharField(required=False),
    "first_published_at": serializers.DateTimeField(required=False, allow_null=True),
    "show_in_menus": serializers.BooleanField(required=False),
    "seo_title": serializers.CharField(required=False, allow_blank=True),
    "search_description": serializers.CharField(required=False, allow_blank=True),
    "alias_of": PAGE_LINK.__class__(required=False, allow_null=True),
    "parent": PAGE_LINK.__class__(required=False, allow_null=True),
    "locale": serializers.ChoiceField(LANGUAGE_CODES, required=False),
    "requested_locale": serializers.ChoiceField(LANGUAGE_CODES, required=False),
    "is_fallback": serializers.BooleanField(required=False),
    "translations": TRANSLATION_LINK.__class__(many=True, required=False),
}
PAGE_META = inline_serializer("PageMeta", PAGE_META_FIELDS)

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


def wagtail_endpoint_schema(name, item, filters=()):
    """Describe a Wagtail API endpoint class (its listing, detail and find views)."""
    listing_parameters = [LOCALE, LIMIT, OFFSET, FIELDS, ORDER, SEARCH, SEARCH_OPERATOR, *filters]
    object_id = {"type": "integer", "minimum": 0, "maximum": MAX_OBJECT_ID}
    identifier = OpenApiParameter("id", object_id, OpenApiParameter.PATH)
    singular = name.removesuffix("s")

    def decorate(endpoint_class):
        class DescribedEndpoint(endpoint_class):
            @extend_schema(
                operation_id=f"{name}_list",
                summary=f"List {name}",
                description=f"The {name} this client may see, {LISTING_NOTE}"
                + (PAGE_TYPE_NOTE if name == "pages" else ""),
                parameters=listing_parameters,
                responses={200: listing_of(f"{name.title()}Listing", item), 400: ERROR},
            )
            def listing_view(self, request):
                return super().listing_view(request)

            @extend_schema(
                operation_id=f"{name}_retrieve",
                summary=f"Get {with_article(singular)}",
                description=f"One {singular} by id, with all its fields.",
                parameters=[identifier, LOCALE, FIELDS],
                responses={200: item, 400: ERROR, 404: ERROR},
            )
            def detail_view(self, request, pk):
                return super().detail_view(request, pk)

            @extend_schema(
                operation_id=f"{name}_find",
                summary=f"Find {with_article(singular)}",
                description=f"Redirects to the detail of the {singular} with this id"
                + (" or this path on the site." if name == "pages" else "."),
                parameters=[
                    OpenApiParameter("html_path", str),
                    OpenApiParameter("id", object_id),
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


LISTING_NOTE = "with the default fields of each; `fields` adds or removes fields."
PAGE_TYPE_NOTE = " `type` narrows the listing to one page type, whose own fields `fields` may name."


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
