"""/api/v2/matches/: proposed matches, their review and feedback from both sides."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from assistance import permissions as rules
from assistance.models import Match, Rating
from assistance.review import Invalid, Refused, review_match
from cms.api.idempotency import IdempotentPostMixin
from cms.api.languages import language_or_default
from cms.api.schema import LOCALE

from ..filters import MatchFilter
from ..permissions import WriteAccess
from ..serializers import MatchSerializer
from .base import ID_PATTERN

REVIEW = inline_serializer(
    "MatchReview",
    {
        "status": serializers.ChoiceField(Match.Status.choices),
        "reason": serializers.CharField(required=False, allow_blank=True),
    },
)
FEEDBACK = inline_serializer(
    "MatchFeedback",
    {
        "side": serializers.ChoiceField(["recipient", "provider"]),
        "need_met": serializers.BooleanField(),
        "rating": serializers.ChoiceField(Rating.choices, required=False, allow_null=True),
        "comment": serializers.CharField(required=False, allow_blank=True),
    },
)
RATED_STATUSES = {Match.Status.FUNDED, Match.Status.COMPLETED}


class MatchViewSet(IdempotentPostMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MatchSerializer
    filterset_class = MatchFilter
    permission_classes = [WriteAccess]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        queryset = Match.objects.select_related("need").prefetch_related("contributions__resource")
        return rules.visible_matches(self.request.user, queryset).order_by("need_id", "rank", "pk")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["language"] = language_or_default(self.request)
        return context

    @extend_schema(parameters=[LOCALE])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(request=REVIEW, responses={200: MatchSerializer})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Accept, discuss or decline a proposal (declining needs a reason)."""
        match = self.get_object()
        try:
            review_match(
                match, request.user, request.data.get("status"), request.data.get("reason", "")
            )
        except Refused as error:
            raise PermissionDenied(str(error)) from error
        except Invalid as error:
            raise ValidationError({error.field: [error.message]}) from error
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(request=FEEDBACK, responses={200: MatchSerializer})
    @action(detail=True, methods=["post"])
    def feedback(self, request, pk=None):
        """Whether the need was met, from the recipient's or the provider's side, with a rating
        from 1 (poor) to 5 (excellent) once the match is completed (or funded)."""
        match = self.get_object()
        side = request.data.get("side")
        user = request.user
        if side == "recipient":
            allowed = rules.roles.is_secretariat(user) or rules.speaks_for_country(
                user, match.need.country.code
            )
        elif side == "provider":
            allowed = rules.review_role(user, match) is not None
        else:
            raise ValidationError({"side": [_("Give recipient or provider.")]})
        if not allowed:
            raise PermissionDenied(_("You do not speak for this side of the match."))
        errors = {}
        need_met = request.data.get("need_met")
        if not isinstance(need_met, bool):
            errors["need_met"] = [_("Give true or false.")]
        rating = request.data.get("rating")
        if rating is not None:
            if isinstance(rating, bool) or rating not in Rating.values:
                errors["rating"] = [_("Give a whole number from 1 to 5.")]
            elif match.status not in RATED_STATUSES:
                errors["rating"] = [_("A match is rated once it is funded or completed.")]
        comment = request.data.get("comment", "")
        if not isinstance(comment, str) or len(comment) > 4000:
            errors["comment"] = [_("Give a comment of at most 4,000 characters.")]
        if errors:
            raise ValidationError(errors)
        setattr(match, f"need_met_by_{side}", need_met)
        setattr(match, f"{side}_feedback", comment.replace("\x00", ""))
        if rating is not None:
            setattr(match, f"{side}_rating", rating)
        match.save()
        return Response(self.get_serializer(match).data)
