"""What the network's endpoints share: who may use them, ids, errors, the view mixin."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import permissions, serializers

from cms.api.idempotency import IdempotentPostMixin
from cms.api.languages import language_or_default
from cms.api.schema import ERROR
from cms.api.schema import AutoSchema as SuiteAutoSchema
from cms.core.models import ThematicArea

from ..access import can_use_network, visible_post_filter
from ..models import Post, Question, Vote

# Larger ids cannot exist; looking them up would overflow PostgreSQL's bigint.
MAX_ID = 2**63 - 1


class MembersOnlySchema(SuiteAutoSchema):
    """Every operation of a members-only endpoint can be refused: 401 anonymous, 403 others."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction == "response":
            responses.setdefault("401", self._get_response_for_code(ERROR, "401"))
            responses.setdefault("403", self._get_response_for_code(ERROR, "403"))
        return responses


class IsNetworkParticipant(permissions.BasePermission):
    message = gettext_lazy("Only members of the network and the secretariat may use this endpoint.")

    def has_permission(self, request, view):
        return can_use_network(request.user)


def refuse_bad_input(error):
    """Django's ValidationError from the domain functions, as the API's 400."""
    detail = (
        error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
    )
    raise serializers.ValidationError(detail)


def run(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except DjangoValidationError as error:
        refuse_bad_input(error)


def valid_id(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < number <= MAX_ID:
        raise Http404
    return number


class NetworkViewMixin(IdempotentPostMixin):
    permission_classes = [IsNetworkParticipant]
    schema = MembersOnlySchema()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.requested_language = language_or_default(request)
        self.theme_names = ThematicArea.objects.names(self.requested_language)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["scores"] = getattr(self, "scores", None)
        return context

    def load_scores(self, post_ids):
        user = self.request.user
        totals = dict(
            Vote.objects.filter(post_id__in=post_ids)
            .values_list("post_id")
            .annotate(total=Sum("value"))
        )
        mine = dict(
            Vote.objects.filter(post_id__in=post_ids, user=user).values_list("post_id", "value")
        )
        self.scores = {pk: (totals.get(pk, 0), mine.get(pk)) for pk in post_ids}

    def visible_answers(self, question):
        return question.answers.filter(visible_post_filter(self.request.user)).select_related(
            "author__network_member__country"
        )

    def visible_comments(self, question, answer=None):
        comments = question.comments.filter(visible_post_filter(self.request.user))
        if answer is not None:
            comments = comments.filter(answer=answer)
        return comments.select_related("author__network_member__country")

    def get_question(self, pk):
        queryset = Question.objects.filter(visible_post_filter(self.request.user))
        return get_object_or_404(queryset, pk=valid_id(pk))

    def post_of_question(self, question, post_id):
        """A question, or one of its answers or comments, that this client may read."""
        visible = visible_post_filter(self.request.user)
        post = Post.objects.filter(visible, pk=post_id).filter(
            Q(pk=question.pk) | Q(as_answer__question=question) | Q(as_comment__question=question)
        )
        found = post.first()
        if found is None:
            raise serializers.ValidationError(
                {"post": [_("There is no such post in this thread.")]}
            )
        return found
