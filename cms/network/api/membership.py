"""The member's own membership, its export, and accepting an invitation."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.idempotency import IdempotentPostMixin
from cms.api.schema import ERROR
from cms.core.models import Country, ThematicArea

from .. import membership
from ..models import MemberProfile
from .common import (
    MembersOnlySchema,
    refuse_bad_input,
    run,
)
from .serializers import (
    MemberProfileSerializer,
)

SECRETARIAT_FIELDS = {"role", "instrument", "country"}


class MembershipView(IdempotentPostMixin, APIView):
    """The signed-in user's own membership: apply, read, update preferences, leave."""

    permission_classes = [permissions.IsAuthenticated]
    schema = MembersOnlySchema()

    def profile(self, request):
        profile = getattr(request.user, "network_member", None)
        if profile is None or profile.status == MemberProfile.Status.LEFT:
            raise Http404
        return profile

    def validated(self, request, partial):
        data = MemberProfileSerializer(data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "country_code" in values:
            code = values.pop("country_code")
            values["country"] = None
            if code:
                values["country"] = Country.objects.source().filter(code=code.upper()).first()
                if values["country"] is None:
                    raise serializers.ValidationError({"country": [_("Unknown country code.")]})
        if "expertise_codes" in values:
            codes = values.pop("expertise_codes")
            themes = list(ThematicArea.objects.source().filter(code__in=codes))
            if len(themes) != len(set(codes)):
                raise serializers.ValidationError({"expertise": [_("Unknown thematic area code.")]})
            values["expertise"] = themes
        return values

    @extend_schema(responses={200: MemberProfileSerializer, 404: ERROR})
    def get(self, request):
        return Response(MemberProfileSerializer(self.profile(request)).data)

    @extend_schema(request=MemberProfileSerializer, responses={201: MemberProfileSerializer})
    def post(self, request):
        values = self.validated(request, partial=False)
        profile = run(membership.apply, request.user, **values)
        return Response(MemberProfileSerializer(profile).data, status=201)

    @extend_schema(
        request=MemberProfileSerializer, responses={200: MemberProfileSerializer, 404: ERROR}
    )
    def patch(self, request):
        """Update one's preferences and description; role and country are the secretariat's."""
        profile = self.profile(request)
        reserved = sorted(SECRETARIAT_FIELDS & set(request.data))
        if reserved:
            message = _("Ask the secretariat to change your role, instrument or country.")
            raise serializers.ValidationError(dict.fromkeys(reserved, [message]))
        values = self.validated(request, partial=True)
        expertise = values.pop("expertise", None)
        for name, value in values.items():
            setattr(profile, name, value)
        try:
            profile.full_clean(exclude=["user"])
        except DjangoValidationError as error:
            refuse_bad_input(error)
        profile.save()
        if expertise is not None:
            profile.expertise.set(expertise)
        return Response(MemberProfileSerializer(profile).data)

    @extend_schema(request=None, responses={204: None, 404: ERROR})
    def delete(self, request):
        self.profile(request)
        membership.leave(request.user)
        return Response(status=204)


class MembershipExportView(APIView):
    """Everything the network holds about the signed-in user, as JSON."""

    permission_classes = [permissions.IsAuthenticated]
    schema = MembersOnlySchema()

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 404: ERROR})
    def get(self, request):
        if getattr(request.user, "network_member", None) is None:
            raise Http404
        response = Response(membership.export_data(request.user))
        response["Content-Disposition"] = 'attachment; filename="network-data.json"'
        return response


class AcceptInvitationView(IdempotentPostMixin, APIView):
    permission_classes = [permissions.IsAuthenticated]
    schema = MembersOnlySchema()

    @extend_schema(request=None, responses={200: MemberProfileSerializer})
    def post(self, request):
        profile = membership.accept_invitation(request.user)
        return Response(MemberProfileSerializer(profile).data)
