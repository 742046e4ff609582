"""The toolkit's own endpoints under /api/v2/: the index, Wagtail's pages, images and
documents, token authentication and draft previews (declared by ApiConfig.api_urlpatterns)."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .auth import ObtainTokenView
from .index import ApiIndexView
from .pages import LocalizedPagesAPIViewSet
from .pagination import BoundedPaginationMixin
from .preview import PagePreviewView
from .viewsets import ApiErrorsMixin, CheckedFindMixin, ConfiguredRenderersMixin
from .wagtail_schema import DOCUMENT, IMAGE, wagtail_endpoint_schema

# Images and documents are not translated; the same views, described for the schema.
ImagesEndpoint = wagtail_endpoint_schema("images", IMAGE)(
    type(
        "ImagesEndpoint",
        (
            ApiErrorsMixin,
            CheckedFindMixin,
            ConfiguredRenderersMixin,
            BoundedPaginationMixin,
            ImagesAPIViewSet,
        ),
        {},
    )
)
DocumentsEndpoint = wagtail_endpoint_schema("documents", DOCUMENT)(
    type(
        "DocumentsEndpoint",
        (
            ApiErrorsMixin,
            CheckedFindMixin,
            ConfiguredRenderersMixin,
            BoundedPaginationMixin,
            DocumentsAPIViewSet,
        ),
        {},
    )
)

wagtail_router = WagtailAPIRouter("wagtailapi")
wagtail_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
wagtail_router.register_endpoint("images", ImagesEndpoint)
wagtail_router.register_endpoint("documents", DocumentsEndpoint)

urlpatterns = [
    path("", ApiIndexView.as_view(), name="api-index"),
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("preview/", PagePreviewView.as_view(), name="api-preview"),
    path("", wagtail_router.urls),
]
