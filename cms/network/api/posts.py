"""Answers and comments of the forum, and its themes."""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cms.api.schema import LOCALE
from cms.core.languages import source_language
from cms.core.models import ThematicArea

from .. import forum
from ..access import visible_post_filter
from ..models import Answer, Comment, Follow, Question
from .common import (
    NetworkViewMixin,
    run,
    valid_id,
)
from .serializers import (
    AnswerSerializer,
    CommentSerializer,
    NetworkThemeSerializer,
    PostBodySerializer,
)


class AnswerViewSet(NetworkViewMixin, viewsets.GenericViewSet):
    """An answer of a question: read, edit, accept or unaccept it."""

    serializer_class = AnswerSerializer
    queryset = Answer.objects.none()

    def get_answer(self):
        question = self.get_question(self.kwargs["question_pk"])
        queryset = self.visible_answers(question)
        answer = get_object_or_404(queryset, pk=valid_id(self.kwargs["pk"]))
        self.load_scores([answer.pk])
        return question, answer

    @extend_schema(parameters=[LOCALE])
    def retrieve(self, request, question_pk=None, pk=None):
        _question, answer = self.get_answer()
        return Response(self.get_serializer(answer).data)

    @extend_schema(request=PostBodySerializer, responses={200: AnswerSerializer})
    def partial_update(self, request, question_pk=None, pk=None):
        _question, answer = self.get_answer()
        data = PostBodySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answer = run(forum.edit, request.user, answer, body=data.validated_data["body"])
        return Response(self.get_serializer(answer).data)

    @extend_schema(
        request=None, responses={200: AnswerSerializer}, operation_id="network_accept_create"
    )
    def accept(self, request, question_pk=None, pk=None):
        question, answer = self.get_answer()
        run(forum.accept, request.user, question, answer)
        return Response(self.get_serializer(answer).data)

    @extend_schema(responses={200: AnswerSerializer}, operation_id="network_accept_destroy")
    def unaccept(self, request, question_pk=None, pk=None):
        question, answer = self.get_answer()
        if question.accepted_answer_id != answer.pk:
            raise serializers.ValidationError(
                {"answer": [_("This answer is not the accepted one.")]}
            )
        run(forum.unaccept, request.user, question)
        return Response(self.get_serializer(answer).data)


class CommentViewSet(NetworkViewMixin, viewsets.GenericViewSet):
    serializer_class = CommentSerializer
    queryset = Comment.objects.none()

    def get_comment(self):
        question = self.get_question(self.kwargs["question_pk"])
        comment = get_object_or_404(self.visible_comments(question), pk=valid_id(self.kwargs["pk"]))
        self.load_scores([comment.pk])
        return comment

    def retrieve(self, request, question_pk=None, pk=None):
        return Response(self.get_serializer(self.get_comment()).data)

    @extend_schema(request=PostBodySerializer, responses={200: CommentSerializer})
    def partial_update(self, request, question_pk=None, pk=None):
        comment = self.get_comment()
        data = PostBodySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment = run(forum.edit, request.user, comment, body=data.validated_data["body"])
        return Response(self.get_serializer(comment).data)


@extend_schema(parameters=[LOCALE])
class NetworkThemeViewSet(NetworkViewMixin, viewsets.GenericViewSet):
    """The forum's thematic areas, with how many questions each has and whether one follows it."""

    serializer_class = NetworkThemeSerializer
    queryset = ThematicArea.objects.none()
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9_\\-]+"
    pagination_class = None

    def themes(self, code=None):
        themes = ThematicArea.objects.source()
        if code is not None:
            themes = themes.filter(code=code)
        translated = set(
            ThematicArea.objects.in_language(self.requested_language).values_list("code", flat=True)
        )
        source = source_language()
        counts = dict(
            Question.objects.filter(visible_post_filter(self.request.user))
            .values_list("theme__code")
            .annotate(total=Count("pk"))
        )
        followed = set(
            Follow.objects.filter(user=self.request.user, question=None).values_list(
                "theme_code", flat=True
            )
        )
        return [
            {
                "code": term.code,
                "name": self.theme_names[term.code],
                "locale": self.requested_language if term.code in translated else source,
                "is_fallback": term.code not in translated,
                "question_count": counts.get(term.code, 0),
                "following": term.code in followed,
            }
            for term in themes.order_by("sort_order", "name")
        ]

    def list(self, request):
        return Response(self.get_serializer(self.themes(), many=True).data)

    def retrieve(self, request, code=None):
        found = self.themes(code)
        if not found:
            raise Http404
        return Response(self.get_serializer(found[0]).data)

    @extend_schema(
        methods=["POST"],
        request=None,
        responses={200: NetworkThemeSerializer},
        operation_id="network_themes_follow_create",
    )
    @extend_schema(
        methods=["DELETE"],
        responses={200: NetworkThemeSerializer},
        operation_id="network_themes_follow_destroy",
    )
    @action(detail=True, methods=["post", "delete"])
    def follow(self, request, code=None):
        if not self.themes(code):
            raise Http404
        if request.method == "POST":
            forum.follow_theme(request.user, code)
        else:
            forum.unfollow_theme(request.user, code)
        return Response(self.get_serializer(self.themes(code)[0]).data)


# What the secretariat vouched for when it admitted the member.
