"""Wagtail's pages endpoint with language negotiation and an honest fallback to English."""

from django.utils.translation import gettext as _
from rest_framework.fields import Field
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from .errors import exception_handler
from .languages import QueryParameterError, language_or_default, requested_language
from .pagination import BoundedPaginationMixin
from .schema import PAGE, PAGE_FILTERS, wagtail_endpoint_schema
from .translations import available_translations, locale_by_id, with_fallback

# What linking to a translation needs: its URL path (html_url) and tree position.
TRANSLATION_FIELDS = ("url_path", "path", "depth", "content_type")


class RequestedLocaleFilter:
    """Keep the pages of the requested language, and English ones not translated into it."""

    def filter_queryset(self, request, queryset, view):
        if view.action != "listing_view":
            return queryset  # a detail is found by id, then swapped for its translation
        language = view.requested_language
        filtered = with_fallback(queryset, language, live_only=True)
        # The child_of filter leaves a marker that ordering relies on; keep it.
        marker = getattr(queryset, "_filtered_by_child_of", None)
        if marker:
            filtered._filtered_by_child_of = marker
        return filtered


class RequestedLocaleField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.context["view"].requested_language or page.locale.language_code


class IsFallbackField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        requested = self.context["view"].requested_language
        return bool(requested) and page.locale.language_code != requested


class TranslationsField(Field):
    """The live translations of the page, so a client can offer the other languages."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        view = self.context["view"]
        request = self.context["request"]
        translations = view.translations_of([page]).get(page.translation_key, [])
        return [
            {
                "locale": language,
                "id": other.pk,
                "detail_url": view.get_translation_detail_url(other),
                "html_url": other.get_full_url(request),
            }
            for language, other in translations
            if other.pk != page.pk
        ]


class LocalizedPageSerializer(PageSerializer):
    requested_locale = RequestedLocaleField(read_only=True)
    is_fallback = IsFallbackField(read_only=True)
    translations = TranslationsField(read_only=True)


@wagtail_endpoint_schema("pages", PAGE, PAGE_FILTERS)
class LocalizedPagesAPIViewSet(BoundedPaginationMixin, PagesAPIViewSet):
    base_serializer_class = LocalizedPageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        RequestedLocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    meta_fields = PagesAPIViewSet.meta_fields + ["requested_locale", "is_fallback", "translations"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "requested_locale",
        "is_fallback",
    ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Listings always serve one language; a detail serves the page's own unless asked.
        if self.action == "detail_view":
            self.requested_language = requested_language(request)
        else:
            self.requested_language = language_or_default(request)
        self._translations = {}

    def handle_exception(self, exc):
        response = exception_handler(exc, self.get_exception_handler_context())
        return response if response is not None else super().handle_exception(exc)

    def get_base_queryset(self):
        # Wagtail rebuilds this (site, view restrictions) on every call; once per request will do.
        if getattr(self, "_base_queryset", None) is None:
            self._base_queryset = self.build_base_queryset()
        return self._base_queryset.all()

    def build_base_queryset(self):
        try:
            queryset = super().get_base_queryset()
        except Site.DoesNotExist:
            raise QueryParameterError(
                "site", _("No site has the hostname %(site)r.") % {"site": self.request.GET["site"]}
            ) from None
        return queryset.select_related("locale")

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def get_object(self):
        page = super().get_object()
        if "locale" not in page._state.fields_cache:
            page.locale = locale_by_id(page.locale_id)  # spares a query per detail
        language = self.requested_language
        if language and page.locale.language_code != language:
            translated = (
                self.get_base_queryset()
                .filter(translation_key=page.translation_key, locale__language_code=language)
                .specific()
                .first()
            )
            if translated is not None:
                self._cached_object = translated
                return translated
        return page

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self._translations = available_translations(
            self.get_base_queryset(), list(page), TRANSLATION_FIELDS
        )
        return page

    def translations_of(self, pages):
        missing = [page for page in pages if page.translation_key not in self._translations]
        if missing:
            self._translations.update(
                available_translations(self.get_base_queryset(), missing, TRANSLATION_FIELDS)
            )
        return self._translations

    def get_translation_detail_url(self, page):
        path = self.request.wagtailapi_router.get_object_detail_urlpath(Page, page.pk)
        return get_full_url(self.request, path)
