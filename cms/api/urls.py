"""The one API router: Wagtail's API v2 endpoints and the suite's own DRF viewsets."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from assistance import api as assistance_api
from cms.core import api as core_api
from cms.learning import api as learning_api
from cms.library import api as library_api
from cms.network import api as network_api
from search import api as search_api

from .auth import ObtainTokenView
from .pages import LocalizedPagesAPIViewSet, WordsSearchFilter
from .pagination import BoundedPaginationMixin
from .preview import PagePreviewView
from .schema import DOCUMENT, IMAGE, wagtail_endpoint_schema
from .viewsets import ConfiguredRenderersMixin


def with_words_search(backends):
    return [WordsSearchFilter if backend is SearchFilter else backend for backend in backends]


# Images and documents are not translated; the same views, described for the schema.
ImagesEndpoint = wagtail_endpoint_schema("images", IMAGE)(
    type(
        "ImagesEndpoint",
        (ConfiguredRenderersMixin, BoundedPaginationMixin, ImagesAPIViewSet),
        {"filter_backends": with_words_search(ImagesAPIViewSet.filter_backends)},
    )
)
DocumentsEndpoint = wagtail_endpoint_schema("documents", DOCUMENT)(
    type(
        "DocumentsEndpoint",
        (ConfiguredRenderersMixin, BoundedPaginationMixin, DocumentsAPIViewSet),
        {"filter_backends": with_words_search(DocumentsAPIViewSet.filter_backends)},
    )
)

wagtail_router = WagtailAPIRouter("wagtailapi")
wagtail_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
wagtail_router.register_endpoint("images", ImagesEndpoint)
wagtail_router.register_endpoint("documents", DocumentsEndpoint)

router = SimpleRouter()
router.register("countries", core_api.CountryViewSet, basename="country")
router.register("regions", core_api.RegionViewSet, basename="region")
router.register("themes", core_api.ThematicAreaViewSet, basename="theme")
router.register("mosaic-modules", core_api.MosaicModuleViewSet, basename="mosaic-module")
router.register("assistance-forms", core_api.AssistanceFormViewSet, basename="assistance-form")
router.register("organisations", core_api.OrganisationViewSet, basename="organisation")
router.register(
    "organisation-types", core_api.OrganisationTypeViewSet, basename="organisation-type"
)
router.register("contacts", network_api.ContactViewSet, basename="contact")
router.register("national-reports", library_api.NationalReportViewSet, basename="national-report")
router.register("needs", assistance_api.NeedViewSet, basename="need")
router.register("resources", assistance_api.ResourceViewSet, basename="resource")
router.register("matches", assistance_api.MatchViewSet, basename="match")
router.register("projects", assistance_api.ProjectViewSet, basename="project")
for prefix, viewset, basename in learning_api.routes:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("assistance/coverage/", assistance_api.CoverageView.as_view(), name="assistance-coverage"),
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("preview/", PagePreviewView.as_view(), name="api-preview"),
    path("search/", search_api.SearchView.as_view(), name="api-search"),
    path("search/suggest/", search_api.SuggestView.as_view(), name="api-search-suggest"),
    path("network/", include("cms.network.urls")),
    path("reporting-status/", library_api.ReportingStatusView.as_view(), name="reporting-status"),
    path("countries/<str:code>/profile/", library_api.country_profile, name="country-profile"),
    path("", include(router.urls)),
    path("", wagtail_router.urls),
]
