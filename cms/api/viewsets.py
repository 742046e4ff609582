"""Base classes for the suite's own translatable endpoints (DRF viewsets)."""

import re

from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from rest_framework import serializers, viewsets
from rest_framework.reverse import reverse
from rest_framework.settings import api_settings

from cms.core.languages import with_fallback

from .errors import exception_handler
from .languages import QueryParameterError, language_or_default
from .translations import available_translations

# The largest id of a page, image or document: the databases' 32-bit integer keys.
MAX_OBJECT_ID = 2**31 - 1


class LocalizedListSerializer(serializers.ListSerializer):
    """Looks up the translations of a whole page of results in one query."""

    def to_representation(self, data):
        items = list(data)
        view = self.context["view"]
        view.translations.update(
            available_translations(view.get_visible_queryset(), items, (view.lookup_field,))
        )
        return super().to_representation(items)


class LocalizedSerializer(serializers.ModelSerializer):
    """Adds which language an item is in, which was asked for, and where the others are."""

    locale = serializers.SerializerMethodField()
    requested_locale = serializers.SerializerMethodField()
    is_fallback = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    class Meta:
        list_serializer_class = LocalizedListSerializer
        fields = ["locale", "requested_locale", "is_fallback", "translations"]

    def get_locale(self, obj) -> str:
        return obj.locale.language_code

    def get_requested_locale(self, obj) -> str:
        return self.context["view"].requested_language

    def get_is_fallback(self, obj) -> bool:
        return obj.locale.language_code != self.context["view"].requested_language

    def get_translations(self, obj) -> list[dict[str, str]]:
        view = self.context["view"]
        if obj.translation_key not in view.translations:
            view.translations.update(
                available_translations(view.get_visible_queryset(), [obj], (view.lookup_field,))
            )
        request = self.context["request"]
        url = reverse(
            f"{view.basename}-detail", args=[getattr(obj, view.lookup_field)], request=request
        )
        return [
            {"locale": language, "url": f"{url}?locale={language}"}
            for language, other in view.translations.get(obj.translation_key, [])
            if other.pk != obj.pk
        ]


class LocalizedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only endpoint over a translatable model, served in the requested language."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.requested_language = language_or_default(request)
        self.translations = {}

    def get_visible_queryset(self):
        """Every row this client may see, in any language."""
        return self.queryset.select_related("locale")

    def get_queryset(self):
        return with_fallback(self.get_visible_queryset(), self.requested_language)


class ConfiguredRenderersMixin:
    """Wagtail's API views always add the browsable HTML renderer; ours use the configured ones.

    Outside development that is JSON alone, so no HTML answer can be rendered for a client,
    or kept for one in the shared response cache.
    """

    @classproperty
    def renderer_classes(cls):
        return api_settings.DEFAULT_RENDERER_CLASSES


class CheckedFindMixin:
    """Wagtail's `find/?id=` passes the id to the database as given: what is not an id a
    database can hold is a 400 naming the parameter."""

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        if value is not None and not (
            re.fullmatch(r"[0-9]{1,10}", value) and int(value) <= MAX_OBJECT_ID
        ):
            raise QueryParameterError(
                "id",
                _("%(parameter)s must be a whole number from %(low)d to %(high)d.")
                % {"parameter": "id", "low": 0, "high": MAX_OBJECT_ID},
            )
        return super().find_object(queryset, request)


class ApiErrorsMixin:
    """Wagtail's API views answer errors in the API's one shape (cms.api.errors)."""

    def handle_exception(self, exc):
        response = exception_handler(exc, self.get_exception_handler_context())
        return response if response is not None else super().handle_exception(exc)
