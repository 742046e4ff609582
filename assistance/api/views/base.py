"""What the needs, resources and projects viewsets share: ids, language, write access."""

from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets

from cms.api.idempotency import IdempotentPostMixin
from cms.api.languages import language_or_default
from cms.api.schema import LOCALE

from ..permissions import WriteAccess

ID_PATTERN = "[0-9]{1,18}"


class AssistanceViewSet(IdempotentPostMixin, viewsets.ModelViewSet):
    permission_classes = [WriteAccess]
    lookup_value_regex = ID_PATTERN
    http_method_names = ["get", "post", "patch", "put", "delete", "head", "options"]

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["language"] = language_or_default(self.request)
        return context

    @extend_schema(parameters=[LOCALE])
    def list(self, request, *args, **kwargs):
        with translation.override(language_or_default(request)):
            return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE])
    def retrieve(self, request, *args, **kwargs):
        with translation.override(language_or_default(request)):
            return super().retrieve(request, *args, **kwargs)
