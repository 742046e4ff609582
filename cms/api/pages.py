"""Wagtail's pages endpoint with language negotiation and an honest fallback to English."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http.request import split_domain_port
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
from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, PageViewRestriction, Site

from cms.core.languages import locale_by_id, with_fallback

from .caching import derived_from_content
from .languages import QueryParameterError, language_or_default, requested_language
from .pagination import BoundedPaginationMixin
from .translations import page_translations
from .viewsets import ApiErrorsMixin, CheckedFindMixin, ConfiguredRenderersMixin
from .wagtail_schema import PAGE, PAGE_FILTERS, wagtail_endpoint_schema

# What linking to a translation needs: its URL path (html_url) and tree position.
TRANSLATION_FIELDS = ("url_path", "path", "depth", "content_type")
# A detail asked with only these parameters is found by id alone, no filter applying to it.
PLAIN_DETAIL_PARAMETERS = frozenset(["locale", "fields", "format", "_"])
# A page keeps its type for life and ids are never reused: id -> content type id, per process.
_page_content_types = {}


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


class VisibleParentField(PageParentField):
    """The parent page when this client may see it, decided without another query."""

    def get_attribute(self, instance):
        parent = instance.get_parent()
        view = self.context["view"]
        if not view.is_visible(parent):
            return None
        parent._wagtail_cached_site_root_paths = view.site_root_paths()
        return parent


class LocalizedPageSerializer(PageSerializer):
    parent = VisibleParentField(read_only=True)
    requested_locale = RequestedLocaleField(read_only=True)
    is_fallback = IsFallbackField(read_only=True)
    translations = TranslationsField(read_only=True)


@wagtail_endpoint_schema("pages", PAGE, PAGE_FILTERS)
class LocalizedPagesAPIViewSet(
    ApiErrorsMixin,
    CheckedFindMixin,
    ConfiguredRenderersMixin,
    BoundedPaginationMixin,
    PagesAPIViewSet,
):
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

    def get_serializer_context(self):
        context = super().get_serializer_context()
        # What the client asked for, not the listing default: blocks localise their taxonomy
        # references only when a language was named (see blocks.references).
        context["language"] = requested_language(self.request)
        return context

    def get_base_queryset(self):
        """The live pages of the site this client may see (Wagtail's rules), built once."""
        if getattr(self, "_base_queryset", None) is None:
            self._base_queryset, self._root_paths, self._restricted_paths = self.visibility()
        return self._base_queryset.all()

    def visibility(self):
        """(queryset, site root paths, restricted paths), as PagesAPIViewSet decides them.

        The view restrictions, the site and its translated roots are read once per process
        and content version; only whether each restriction lets this request in is per request.
        """
        request = self.request
        restrictions = derived_from_content(
            request,
            "page-view-restrictions",
            lambda: list(PageViewRestriction.objects.select_related("page")),
        )
        restricted = [r.page for r in restrictions if not r.accept_request(request)]
        site = self.requested_site()
        if site is None:
            roots = []
        elif getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            roots = derived_from_content(
                request,
                ("site-roots", site.pk),
                lambda: [site.root_page, *site.root_page.get_translations()],
            )
        else:
            roots = [site.root_page]

        def build():
            live = Page.objects.all().live()
            for page in restricted:
                live = live.not_descendant_of(page, inclusive=True)
            if not roots:
                return live.none().select_related("locale")
            queryset = live.descendant_of(roots[0], inclusive=True)
            for root in roots[1:]:
                queryset |= live.descendant_of(root, inclusive=True)
            return queryset.select_related("locale")

        queryset = derived_from_content(
            request,
            ("visible-pages", site and site.pk, tuple(page.pk for page in restricted)),
            build,
        )
        return queryset, [root.path for root in roots], [page.path for page in restricted]

    def requested_site(self):
        request = self.request
        if "site" not in request.GET:
            hostname = split_domain_port(request._get_raw_host())[0]
            site = derived_from_content(
                request,
                ("site-for-host", hostname, request.get_port()),
                lambda: Site._find_for_request(request),
            )
            request._request._wagtail_site = site
            return site
        # Optionally with a port, as Wagtail's endpoint takes it.
        hostname, _sep, port = request.GET["site"].partition(":")
        query = {"hostname": hostname, **({"port": port} if port else {})}
        try:
            return derived_from_content(
                request, ("site", hostname, port), lambda: Site.objects.get(**query)
            )
        except Site.DoesNotExist:
            raise QueryParameterError(
                "site", _("No site has the hostname %(site)r.") % {"site": request.GET["site"]}
            ) from None
        except Site.MultipleObjectsReturned:
            raise QueryParameterError(
                "site",
                _("Several sites have the hostname %(site)r; add the port, as in host:port.")
                % {"site": request.GET["site"]},
            ) from None

    def is_visible(self, page):
        """Whether `page` is in the base queryset, decided from its path without a query."""
        self.get_base_queryset()
        path = page.path
        return (
            page.live
            and any(path.startswith(root) for root in self._root_paths)
            and not any(path.startswith(restricted) for restricted in self._restricted_paths)
        )

    def site_root_paths(self):
        """Wagtail's site root paths, per process and content version, shared by the request."""
        paths = derived_from_content(self.request, "site-root-paths", Site.get_site_root_paths)
        self.request._request._wagtail_cached_site_root_paths = paths
        return paths

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def get_object(self):
        if hasattr(self, "_cached_object"):
            return self._cached_object
        page = None
        if set(self.request.GET) <= PLAIN_DETAIL_PARAMETERS:
            page = self.visible_page(self.kwargs["pk"])
        if page is None:
            page = super().get_object()  # filters apply, and 404 when not found
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
                page = translated
        page._wagtail_cached_site_root_paths = self.site_root_paths()
        self._cached_object = page
        return page

    def visible_page(self, pk):
        """The specific page with this id in one query once its type is known, or None."""
        content_type_id = _page_content_types.get(pk)
        if content_type_id is None:
            content_type_id = (
                Page.objects.filter(pk=pk).values_list("content_type_id", flat=True).first()
            )
            if content_type_id is None:
                return None
            _page_content_types[pk] = content_type_id
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model and next(iter(model._default_manager.filter(pk=pk).order_by()), None)
        if page is None or page.content_type_id != content_type_id:
            _page_content_types.pop(pk, None)
            return None
        if not self.is_visible(page):
            return None
        self.check_object_permissions(self.request, page)
        return page

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        root_paths = self.site_root_paths()
        for item in page:
            item._wagtail_cached_site_root_paths = root_paths
        self._translations = page_translations(list(page), self.is_visible, TRANSLATION_FIELDS)
        return page

    def translations_of(self, pages):
        missing = [page for page in pages if page.translation_key not in self._translations]
        if missing:
            self._translations.update(
                page_translations(missing, self.is_visible, TRANSLATION_FIELDS)
            )
        return self._translations

    def get_translation_detail_url(self, page):
        path = self.request.wagtailapi_router.get_object_detail_urlpath(Page, page.pk)
        return get_full_url(self.request, path)
