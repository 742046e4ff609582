"""/api/v2/resources/: funds, programmes and other offers of assistance."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from assistance import permissions as rules
from assistance.models import Resource

from ..filters import ResourceFilter
from ..serializers import ResourceSerializer
from .base import AssistanceViewSet


class ResourceViewSet(AssistanceViewSet):
    serializer_class = ResourceSerializer
    filterset_class = ResourceFilter

    def get_queryset(self):
        queryset = Resource.objects.select_related("provider", "provider_country").prefetch_related(
            "themes",
            "forms",
            "priority_themes",
            "priority_regions",
            "eligible_countries",
            "eligible_regions",
            "eligible_applicant_types",
        )
        return rules.visible_resources(self.request.user, queryset).order_by("-created_at", "-pk")

    # Who may not write at all is refused (403) before their input is judged (400).
    def create(self, request, *args, **kwargs):
        if not rules.can_create_resource(request.user):
            raise PermissionDenied(_("Only donors and the secretariat describe resources."))
        return super().create(request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        if not rules.can_edit_resource(request.user, self.get_object()):
            raise PermissionDenied(_("You may not edit this resource."))
        return super().update(request, *args, **kwargs)

    def perform_create(self, serializer):
        if not rules.can_create_resource(self.request.user):
            raise PermissionDenied(_("Only donors and the secretariat describe resources."))
        serializer.save(created_by=self.request.user)

    def perform_update(self, serializer):
        if not rules.can_edit_resource(self.request.user, serializer.instance):
            raise PermissionDenied(_("You may not edit this resource."))
        serializer.save()

    def perform_destroy(self, instance):
        if not rules.can_edit_resource(self.request.user, instance):
            raise PermissionDenied(_("You may not delete this resource."))
        instance.delete()
