"""Questions of the forum, with their votes, follows, flags and revisions."""

from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cms.api.languages import LANGUAGE_CHOICES
from cms.api.schema import LOCALE
from cms.core.models import Country, ThematicArea

from .. import forum
from ..access import visible_post_filter
from ..models import Post, Question
from ..throttling import NetworkActionThrottle
from .common import (
    NetworkViewMixin,
    run,
    valid_id,
)
from .serializers import (
    AnswerSerializer,
    CommentSerializer,
    CommentWriteSerializer,
    FlagResultSerializer,
    FlagSerializer,
    FollowingSerializer,
    PostBodySerializer,
    QuestionDetailSerializer,
    QuestionEditSerializer,
    QuestionSerializer,
    QuestionWriteSerializer,
    RevisionSerializer,
    VoteResultSerializer,
    VoteSerializer,
)


class QuestionFilter(filters.FilterSet):
    theme = filters.CharFilter(field_name="theme__code", label="Thematic area code")
    language = filters.ChoiceFilter(choices=LANGUAGE_CHOICES)
    country = filters.CharFilter(field_name="country__code", label="ISO alpha-2 code")
    status = filters.ChoiceFilter(
        choices=[
            ("answered", "answered"),
            ("unanswered", "unanswered"),
            ("open", "open"),
            ("pending", "pending"),
            ("hidden", "hidden"),
        ],
        method="filter_status",
        label="answered (an answer is accepted), open (none accepted), unanswered (no answer "
        "yet), pending or hidden (moderators and own posts)",
    )
    search = filters.CharFilter(method="filter_search", label="Words in the title or the body")

    class Meta:
        model = Question
        fields = ["theme", "language", "country", "status", "search"]

    def filter_status(self, queryset, name, value):
        if value == "answered":
            return queryset.filter(accepted_answer__isnull=False)
        if value == "open":
            return queryset.filter(accepted_answer__isnull=True)
        if value == "unanswered":
            return queryset.filter(answer_count=0)
        return queryset.filter(state=value)

    def filter_search(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return queryset


@extend_schema(parameters=[LOCALE])
class QuestionViewSet(
    NetworkViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    filterset_class = QuestionFilter
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    throttle_classes = [NetworkActionThrottle]
    throttle_scopes = {
        "create": "network_ask",
        "answers": "network_answer",
        "comments": "network_answer",
        "votes": "network_vote",
        "flags": "network_flag",
    }

    def get_queryset(self):
        user = self.request.user
        published_answers = Q(answers__state=Post.State.PUBLISHED)
        return (
            Question.objects.filter(visible_post_filter(user))
            .select_related("theme", "country", "author__network_member__country")
            .annotate(answer_count=Count("answers", filter=published_answers, distinct=True))
            .order_by("-created_at", "-pk")
        )

    def get_object(self):
        valid_id(self.kwargs["pk"])
        return super().get_object()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return QuestionDetailSerializer
        return QuestionSerializer

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.load_scores([question.pk for question in page or []])
        return page

    def retrieve(self, request, *args, **kwargs):
        question = self.get_object()
        ids = [question.pk]
        ids += [answer.pk for answer in self.visible_answers(question)]
        ids += [comment.pk for comment in question.comments.all()]
        self.load_scores(ids)
        return Response(self.get_serializer(question).data)

    @extend_schema(request=QuestionWriteSerializer, responses={201: QuestionSerializer})
    def create(self, request, *args, **kwargs):
        data = QuestionWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        theme = ThematicArea.objects.source().filter(code=values["theme"]).first()
        if theme is None:
            raise serializers.ValidationError({"theme": [_("Unknown thematic area code.")]})
        country = None
        if values.get("country"):
            country = Country.objects.source().filter(code=values["country"].upper()).first()
            if country is None:
                raise serializers.ValidationError({"country": [_("Unknown country code.")]})
        question = run(
            forum.ask,
            request.user,
            title=values["title"],
            body=values["body"],
            theme=theme,
            language=values["language"],
            country=country,
        )
        question = self.get_queryset().get(pk=question.pk)
        self.load_scores([question.pk])
        return Response(self.get_serializer(question).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=QuestionEditSerializer, responses={200: QuestionSerializer})
    def partial_update(self, request, *args, **kwargs):
        question = self.get_object()
        data = QuestionEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        run(forum.edit, request.user, question, **data.validated_data)
        question = self.get_queryset().get(pk=question.pk)
        self.load_scores([question.pk])
        return Response(self.get_serializer(question).data)

    @extend_schema(
        methods=["GET"],
        responses={200: AnswerSerializer(many=True)},
        operation_id="network_answers_list",
    )
    @extend_schema(
        methods=["POST"],
        request=PostBodySerializer,
        responses={201: AnswerSerializer},
        operation_id="network_answers_create",
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filterset_class=None)
    def answers(self, request, pk=None):
        question = self.get_question(pk)
        if request.method == "GET":
            answers = list(self.visible_answers(question))
            self.load_scores([answer.pk for answer in answers])
            return Response(
                AnswerSerializer(answers, many=True, context=self.get_serializer_context()).data
            )
        data = PostBodySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reply = run(forum.answer, request.user, question, body=data.validated_data["body"])
        self.load_scores([reply.pk])
        context = self.get_serializer_context()
        return Response(AnswerSerializer(reply, context=context).data, status=201)

    @extend_schema(
        methods=["GET"],
        responses={200: CommentSerializer(many=True)},
        operation_id="network_comments_list",
    )
    @extend_schema(
        methods=["POST"],
        request=CommentWriteSerializer,
        responses={201: CommentSerializer},
        operation_id="network_comments_create",
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filterset_class=None)
    def comments(self, request, pk=None):
        question = self.get_question(pk)
        if request.method == "GET":
            comments = list(self.visible_comments(question))
            self.load_scores([comment.pk for comment in comments])
            context = self.get_serializer_context()
            return Response(CommentSerializer(comments, many=True, context=context).data)
        data = CommentWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        on_answer = None
        if data.validated_data.get("answer"):
            on_answer = (
                self.visible_answers(question).filter(pk=data.validated_data["answer"]).first()
            )
            if on_answer is None:
                raise serializers.ValidationError({"answer": [_("There is no such answer here.")]})
        remark = run(
            forum.comment,
            request.user,
            question,
            body=data.validated_data["body"],
            on_answer=on_answer,
        )
        self.load_scores([remark.pk])
        context = self.get_serializer_context()
        return Response(CommentSerializer(remark, context=context).data, status=201)

    @extend_schema(
        request=VoteSerializer,
        responses={200: VoteResultSerializer},
        operation_id="network_votes_create",
    )
    @action(detail=True, methods=["post"], pagination_class=None, filterset_class=None)
    def votes(self, request, pk=None):
        question = self.get_question(pk)
        data = VoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = self.post_of_question(question, data.validated_data["post"])
        value = data.validated_data["value"]
        if value == 0:
            total = run(forum.withdraw_vote, request.user, post)
        else:
            total = run(forum.vote, request.user, post, value)
        return Response({"post": post.pk, "score": total, "value": value or None})

    @extend_schema(
        request=FlagSerializer,
        responses={201: FlagResultSerializer},
        operation_id="network_flags_create",
    )
    @action(detail=True, methods=["post"], pagination_class=None, filterset_class=None)
    def flags(self, request, pk=None):
        question = self.get_question(pk)
        data = FlagSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = self.post_of_question(question, data.validated_data["post"])
        created = run(
            forum.flag,
            request.user,
            post,
            reason=data.validated_data["reason"],
            note=data.validated_data.get("note", ""),
        )
        return Response(FlagResultSerializer(created).data, status=201)

    @extend_schema(
        methods=["POST"],
        request=None,
        responses={200: FollowingSerializer},
        operation_id="network_follow_create",
    )
    @extend_schema(
        methods=["DELETE"],
        responses={200: FollowingSerializer},
        operation_id="network_follow_destroy",
    )
    @action(detail=True, methods=["post", "delete"], pagination_class=None, filterset_class=None)
    def follow(self, request, pk=None):
        question = self.get_question(pk)
        if request.method == "POST":
            forum.follow_question(request.user, question)
        else:
            forum.unfollow_question(request.user, question)
        return Response({"following": request.method == "POST"})

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "post",
                {"type": "integer", "minimum": 1},
                description="Id of an answer or comment of this question; the question if absent.",
            )
        ],
        responses={200: RevisionSerializer(many=True)},
        operation_id="network_revisions_list",
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def revisions(self, request, pk=None):
        question = self.get_question(pk)
        post = question
        if request.query_params.get("post"):
            try:
                post_id = valid_id(request.query_params["post"])
            except Http404:
                raise serializers.ValidationError(
                    {"post": [_("A post id is a whole number.")]}
                ) from None
            post = self.post_of_question(question, post_id)
        revisions = post.revisions.select_related("edited_by__network_member__country")
        return Response(RevisionSerializer(revisions, many=True).data)
