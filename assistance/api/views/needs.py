"""/api/v2/needs/: States' requests for assistance, and their lifecycle."""

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from assistance import permissions as rules
from assistance.models import Need

from ..filters import NeedFilter
from ..serializers import NeedSerializer
from ..stated_needs import StatedNeedActions
from .base import AssistanceViewSet


class NeedViewSet(StatedNeedActions, AssistanceViewSet):
    serializer_class = NeedSerializer
    filterset_class = NeedFilter

    def get_queryset(self):
        queryset = Need.objects.select_related(
            "country", "applicant", "stated_in_report"
        ).prefetch_related("themes", "forms", "history")
        return rules.visible_needs(self.request.user, queryset).order_by("-created_at", "-pk")

    # Who may not write at all is refused (403) before their input is judged (400).
    def create(self, request, *args, **kwargs):
        if not rules.can_create_need(request.user):
            raise PermissionDenied(_("Only national points of contact and the secretariat."))
        return super().create(request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        if not rules.can_edit_need(request.user, self.get_object()):
            raise PermissionDenied(_("You may not edit this need."))
        return super().update(request, *args, **kwargs)

    def perform_create(self, serializer):
        user = self.request.user
        if not rules.can_create_need(user):
            raise PermissionDenied(_("Only national points of contact and the secretariat."))
        consent = serializer.validated_data.get("consent_to_publish")
        with transaction.atomic():
            need = serializer.save(created_by=user, consent_to_publish=False)
            if consent:
                need.give_consent(user)
                need.save()

    def perform_update(self, serializer):
        user = self.request.user
        if not rules.can_edit_need(user, serializer.instance):
            raise PermissionDenied(_("You may not edit this need."))
        consent = serializer.validated_data.pop("consent_to_publish", None)
        with transaction.atomic():
            need = serializer.save()
            if consent and not need.consent_to_publish:
                need.give_consent(user)
                need.save()
            elif consent is False and need.consent_to_publish:
                need.consent_to_publish = False
                need.save()

    def perform_destroy(self, instance):
        if not rules.can_edit_need(self.request.user, instance):
            raise PermissionDenied(_("You may not delete this need."))
        instance.delete()

    @extend_schema(
        request=inline_serializer(
            "NeedTransition",
            {
                "status": serializers.ChoiceField(Need.Status.choices),
                "note": serializers.CharField(required=False, allow_blank=True),
            },
        ),
        responses={200: NeedSerializer},
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the need along its lifecycle; the step is recorded with who and when."""
        need = self.get_object()
        target = request.data.get("status")
        if target not in Need.Status.values:
            raise ValidationError({"status": [_("Unknown status.")]})
        if not need.can_move_to(target):
            raise ValidationError(
                {
                    "status": [
                        _("A need cannot go from %(from)s to %(to)s.")
                        % {"from": need.get_status_display(), "to": target}
                    ]
                }
            )
        if not rules.can_move_need(request.user, need, target):
            raise PermissionDenied(_("You may not take this step."))
        if target == Need.Status.PUBLISHED and not need.consent_to_publish:
            raise ValidationError(
                {"consent_to_publish": [_("The State has not consented to publication.")]}
            )
        note = str(request.data.get("note", ""))[:2000].replace("\x00", "")
        need.change_status(target, request.user, note)
        return Response(self.get_serializer(self.get_object()).data)
