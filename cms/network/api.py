"""The network API: questions with their answers, comments, votes, follows and flags; the
themes of the forum; the member's own membership; the points-of-contact directory.

Everything but the directory's public fields is for network members and the secretariat:
anonymous clients get 401, other signed-in users 403, before anything is looked up.
"""

import csv

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.accounts.roles import is_secretariat
from cms.api.idempotency import IdempotentPostMixin
from cms.api.languages import LANGUAGE_CHOICES, language_or_default
from cms.api.schema import ERROR, LOCALE
from cms.api.schema import AutoSchema as SuiteAutoSchema
from cms.core.languages import source_language
from cms.core.models import Country, ThematicArea
from cms.core.spreadsheets import csv_row

from . import forum, membership
from .access import can_see_contact_details, can_use_network, visible_post_filter
from .models import Answer, Comment, Follow, MemberProfile, PointOfContact, Post, Question, Vote
from .serializers import (
    AnswerSerializer,
    CommentSerializer,
    CommentWriteSerializer,
    ContactSerializer,
    FlagResultSerializer,
    FlagSerializer,
    FollowingSerializer,
    MemberProfileSerializer,
    NetworkThemeSerializer,
    PostBodySerializer,
    QuestionDetailSerializer,
    QuestionEditSerializer,
    QuestionSerializer,
    QuestionWriteSerializer,
    RevisionSerializer,
    VoteResultSerializer,
    VoteSerializer,
)
from .throttling import NetworkActionThrottle

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


class ContactFilter(filters.FilterSet):
    country = filters.CharFilter(field_name="country__code", label="ISO alpha-2 code")
    instrument = filters.ChoiceFilter(choices=PointOfContact.Instrument.choices)
    scope = filters.ChoiceFilter(choices=PointOfContact.Scope.choices)

    class Meta:
        model = PointOfContact
        fields = ["country", "instrument", "scope"]


CSV_COLUMNS = ["country", "instrument", "scope", "name", "organisation", "role_title", "email"]
CSV_COLUMNS += ["telephone"]


@extend_schema(parameters=[LOCALE])
class ContactViewSet(viewsets.ReadOnlyModelViewSet):
    """The directory of points of contact. E-mail and telephone for members and the secretariat."""

    serializer_class = ContactSerializer
    filterset_class = ContactFilter
    permission_classes = [permissions.AllowAny]
    lookup_value_regex = "[0-9]+"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.requested_language = language_or_default(request)
        self.country_names = Country.objects.names(self.requested_language)
        self.shows_contact_details = can_see_contact_details(request.user)

    def get_queryset(self):
        return PointOfContact.objects.select_related("country").order_by(
            "country__code", "scope", "instrument", "name", "pk"
        )

    def get_object(self):
        valid_id(self.kwargs["pk"])
        return super().get_object()

    @extend_schema(
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The directory."),
            401: ERROR,
            403: ERROR,
        },
        operation_id="contacts_export",
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def export(self, request):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        if not is_secretariat(request.user):
            raise PermissionDenied(_("Only the secretariat may export the directory."))
        contacts = self.filter_queryset(self.get_queryset())
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="points-of-contact.csv"'
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for contact in contacts:
            row = [contact.country.code]
            row += [getattr(contact, column) for column in CSV_COLUMNS[1:]]
            writer.writerow(csv_row(row))
        return response
