"""The learner API under /api/v2/learning/: the catalogue (public), enrolments, progress,
quiz attempts and certificates (the signed-in learner's own, and nobody else's)."""

from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from cms.api.errors import error_response
from cms.api.idempotency import IdempotentPostMixin
from cms.api.languages import LANGUAGE_CODES
from cms.api.schema import ERROR, LOCALE
from cms.api.viewsets import LocalizedReadOnlyViewSet, LocalizedSerializer
from cms.core.models import ThematicArea

from . import xapi
from .attempts import AttemptRefused, answers_visible, start_attempt, submit_attempt
from .certificates import verification_url
from .models import Attempt, Certificate, CoursePage, Enrolment, LessonPage, QuizPage
from .progress import course_state, record_lesson, resume_page
from .questions import without_key

# Ids beyond nine digits cannot exist; refusing them at the router keeps them off the database.
ID_PATTERN = "[0-9]{1,9}"
PERSONAL_ERRORS = {400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR}


def objectives(page):
    return [block.value for block in page.objectives]


class ThemeSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class LessonOutlineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    estimated_duration = serializers.IntegerField(allow_null=True)


class QuizOutlineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    question_count = serializers.IntegerField(allow_null=True)
    pass_mark = serializers.IntegerField()
    max_attempts = serializers.IntegerField(allow_null=True)
    grading = serializers.ChoiceField(QuizPage.Grading.choices)
    time_limit = serializers.IntegerField(allow_null=True, help_text="Minutes.")
    show_answers = serializers.ChoiceField(QuizPage.ShowAnswers.choices)


class ModuleOutlineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    intro = serializers.CharField()
    objectives = serializers.ListField(child=serializers.CharField())
    estimated_duration = serializers.IntegerField(allow_null=True)
    prerequisites = serializers.ListField(child=serializers.IntegerField())
    lessons = LessonOutlineSerializer(many=True)
    quizzes = QuizOutlineSerializer(many=True)


class CourseSerializer(LocalizedSerializer):
    objectives = serializers.SerializerMethodField()
    thematic_areas = serializers.SerializerMethodField()

    class Meta(LocalizedSerializer.Meta):
        model = CoursePage
        fields = ["id", "title", "slug", "intro", "objectives", "estimated_duration"]
        fields += ["thematic_areas", *LocalizedSerializer.Meta.fields]

    def get_objectives(self, course) -> list[str]:
        return objectives(course)

    @extend_schema_field(ThemeSerializer(many=True))
    def get_thematic_areas(self, course) -> list[dict[str, str]]:
        codes = [area.code for area in course.thematic_areas.all()]
        language = self.context["view"].requested_language
        names = {}
        for area in ThematicArea.objects.filter(code__in=codes).select_related("locale"):
            if area.locale.language_code == language or area.code not in names:
                names[area.code] = area.name
        return [{"code": code, "name": names[code]} for code in codes if code in names]


def module_outline(module):
    children = list(module.get_children().live().public().order_by("path").specific())
    return {
        "id": module.pk,
        "title": module.title,
        "intro": module.intro,
        "objectives": objectives(module),
        "estimated_duration": module.estimated_duration,
        "prerequisites": prerequisite_ids(module),
        "lessons": [child for child in children if isinstance(child, LessonPage)],
        "quizzes": [child for child in children if isinstance(child, QuizPage)],
    }


def prerequisite_ids(module):
    """The prerequisites in the module's own language (editors may have chosen another)."""
    keys = [prerequisite.translation_key for prerequisite in module.prerequisites.all()]
    siblings = module.get_siblings().filter(translation_key__in=keys)
    return sorted(siblings.values_list("pk", flat=True))


class CourseDetailSerializer(CourseSerializer):
    modules = serializers.SerializerMethodField()

    class Meta(CourseSerializer.Meta):
        fields = [*CourseSerializer.Meta.fields, "modules"]

    @extend_schema_field(ModuleOutlineSerializer(many=True))
    def get_modules(self, course):
        modules = course.modules().public().specific()
        return ModuleOutlineSerializer([module_outline(m) for m in modules], many=True).data


class EnrolmentCourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    locale = serializers.ChoiceField(LANGUAGE_CODES, source="locale.language_code")


class CertificateSerializer(serializers.ModelSerializer):
    verification_url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = ["code", "learner_name", "course_title", "language", "issued_at"]
        fields += ["verification_url", "pdf_url"]

    def get_verification_url(self, certificate) -> str:
        return verification_url(certificate)

    def get_pdf_url(self, certificate) -> str:
        return verification_url(certificate).replace("/verify/", "/").rstrip("/") + ".pdf"


class EnrolmentSerializer(serializers.ModelSerializer):
    course = EnrolmentCourseSerializer(read_only=True)
    progress = serializers.SerializerMethodField(help_text="Percentage of items done.")
    certificate = serializers.SerializerMethodField()

    class Meta:
        model = Enrolment
        fields = ["id", "course", "language", "enrolled_at", "completed_at", "progress"]
        fields += ["certificate"]

    def state(self, enrolment):
        cache = self.context.setdefault("states", {})
        if enrolment.pk not in cache:
            cache[enrolment.pk] = course_state(enrolment)
        return cache[enrolment.pk]

    def get_progress(self, enrolment) -> int:
        return self.state(enrolment).percent

    @extend_schema_field(CertificateSerializer(allow_null=True))
    def get_certificate(self, enrolment):
        certificate = Certificate.objects.filter(enrolment=enrolment).first()
        return CertificateSerializer(certificate).data if certificate else None


class ItemProgressSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    completed = serializers.BooleanField()


class QuizProgressSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    passed = serializers.BooleanField()
    score = serializers.FloatField(allow_null=True)
    attempts_used = serializers.IntegerField()
    attempts_left = serializers.IntegerField(allow_null=True)


class ModuleProgressSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    locked = serializers.BooleanField()
    completed = serializers.BooleanField()
    lessons = ItemProgressSerializer(many=True)
    quizzes = QuizProgressSerializer(many=True)


class ResumeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.ChoiceField(["lesson", "quiz"])
    title = serializers.CharField()


class EnrolmentDetailSerializer(EnrolmentSerializer):
    modules = serializers.SerializerMethodField()
    resume = serializers.SerializerMethodField()

    class Meta(EnrolmentSerializer.Meta):
        fields = [*EnrolmentSerializer.Meta.fields, "modules", "resume"]

    @extend_schema_field(ModuleProgressSerializer(many=True))
    def get_modules(self, enrolment):
        modules = [
            {
                "id": state.module.pk,
                "title": state.module.title,
                "locked": state.locked,
                "completed": state.completed,
                "lessons": [
                    {"id": lesson.pk, "title": lesson.title, "completed": done}
                    for lesson, done in state.lessons
                ],
                "quizzes": [
                    {
                        "id": quiz.quiz.pk,
                        "title": quiz.quiz.title,
                        "passed": quiz.passed,
                        "score": quiz.score,
                        "attempts_used": quiz.attempts_used,
                        "attempts_left": quiz.attempts_left,
                    }
                    for quiz in state.quizzes
                ],
            }
            for state in self.state(enrolment).modules
        ]
        return ModuleProgressSerializer(modules, many=True).data

    @extend_schema_field(ResumeSerializer(allow_null=True))
    def get_resume(self, enrolment):
        page = resume_page(enrolment, self.state(enrolment))
        if page is None:
            return None
        kind = "quiz" if isinstance(page, QuizPage) else "lesson"
        return {"id": page.pk, "type": kind, "title": page.title}


class QuizQuestionSerializer(serializers.Serializer):
    """A question as asked. `key` and `feedback` appear only once the quiz allows it."""

    id = serializers.CharField()
    type = serializers.CharField()
    prompt = serializers.CharField()
    points = serializers.IntegerField()
    options = serializers.ListField(child=serializers.DictField(), required=False)
    prompts = serializers.ListField(child=serializers.DictField(), required=False)
    choices = serializers.ListField(child=serializers.DictField(), required=False)
    items = serializers.ListField(child=serializers.DictField(), required=False)
    unit = serializers.CharField(required=False)
    key = serializers.DictField(required=False)
    feedback = serializers.CharField(required=False)


class AttemptSerializer(serializers.ModelSerializer):
    quiz = serializers.IntegerField(source="quiz_id")
    questions = serializers.SerializerMethodField()
    answers = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField(
        help_text="Fraction of each question's points earned, by question id."
    )
    answers_visible = serializers.SerializerMethodField()

    class Meta:
        model = Attempt
        fields = ["id", "quiz", "number", "status", "started_at", "deadline", "submitted_at"]
        fields += ["score", "passed", "questions", "answers", "results", "answers_visible"]

    def visible(self, attempt):
        cache = self.context.setdefault("visible", {})
        if attempt.pk not in cache:
            cache[attempt.pk] = answers_visible(attempt)
        return cache[attempt.pk]

    def get_answers_visible(self, attempt) -> bool:
        return self.visible(attempt)

    @extend_schema_field(QuizQuestionSerializer(many=True))
    def get_questions(self, attempt):
        if self.visible(attempt):
            return attempt.questions
        return [without_key(question) for question in attempt.questions]

    @extend_schema_field(serializers.DictField())
    def get_answers(self, attempt):
        return attempt.answers

    @extend_schema_field(serializers.DictField(child=serializers.FloatField()))
    def get_results(self, attempt):
        return attempt.results


class LessonProgressInputSerializer(serializers.Serializer):
    completed = serializers.BooleanField(
        default=False, help_text="True once the learner has finished the lesson."
    )


class LessonProgressSerializer(serializers.Serializer):
    lesson = serializers.IntegerField()
    completed = serializers.BooleanField()
    completed_at = serializers.DateTimeField(allow_null=True)
    course_completed = serializers.BooleanField()


class SubmissionSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(allow_null=True),
        help_text="Answer per question id: an option id (single choice), a list of option "
        "ids (multiple choice), true/false, {prompt id: choice id} (matching), the item ids "
        "in order (ordering), text (short text) or a number (numeric).",
    )


def refused(error):
    return error_response(error.message, error.errors)


def enrolment_for(user, page):
    course = CoursePage.objects.ancestor_of(page).first()
    if course is None:
        return None
    return Enrolment.objects.filter(user=user, course_key=course.translation_key).first()


class CourseViewSet(IdempotentPostMixin, LocalizedReadOnlyViewSet):
    """The course catalogue in the requested language (the source language where not translated)."""

    lookup_value_regex = ID_PATTERN
    queryset = CoursePage.objects.live().prefetch_related("thematic_areas")
    serializer_class = CourseSerializer
    filterset_fields = []

    def get_visible_queryset(self):
        return super().get_visible_queryset().public()

    def get_serializer_class(self):
        return CourseDetailSerializer if self.action == "retrieve" else CourseSerializer

    def get_object(self):
        # Any language version by its own id: the translations link to each other by id.
        return get_object_or_404(self.get_visible_queryset(), pk=self.kwargs["pk"])

    @extend_schema(parameters=[LOCALE])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        request=None,
        responses={200: EnrolmentSerializer, 201: EnrolmentSerializer, **PERSONAL_ERRORS},
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def enrol(self, request, pk=None):
        """Enrol the signed-in learner (once per course, whatever the language)."""
        course = self.get_object()
        enrolment = Enrolment.objects.filter(
            user=request.user, course_key=course.translation_key
        ).first()
        created = enrolment is None
        if created:
            try:
                with transaction.atomic():
                    enrolment = Enrolment.objects.create(
                        user=request.user,
                        course=course,
                        course_key=course.translation_key,
                        language=course.locale.language_code,
                    )
                    xapi.record(request.user, "launched", course)
            except IntegrityError:
                created = False
                enrolment = Enrolment.objects.get(
                    user=request.user, course_key=course.translation_key
                )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(EnrolmentSerializer(enrolment, context={}).data, status=code)


class EnrolmentViewSet(viewsets.ReadOnlyModelViewSet):
    """The signed-in learner's enrolments, with progress per lesson, module and course."""

    lookup_value_regex = ID_PATTERN
    permission_classes = [IsAuthenticated]
    serializer_class = EnrolmentSerializer
    queryset = Enrolment.objects.none()

    def get_queryset(self):
        return (
            Enrolment.objects.filter(user=self.request.user)
            .select_related("course", "course__locale", "last_page")
            .order_by("-enrolled_at", "pk")
        )

    def get_serializer_class(self):
        return EnrolmentDetailSerializer if self.action == "retrieve" else EnrolmentSerializer

    @extend_schema(responses={200: EnrolmentSerializer(many=True), **PERSONAL_ERRORS})
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: EnrolmentDetailSerializer, **PERSONAL_ERRORS})
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


class LessonViewSet(IdempotentPostMixin, viewsets.GenericViewSet):
    lookup_value_regex = ID_PATTERN
    permission_classes = [IsAuthenticated]
    queryset = LessonPage.objects.live()

    def get_queryset(self):
        return super().get_queryset().public()

    serializer_class = LessonProgressInputSerializer

    @extend_schema(
        request=LessonProgressInputSerializer,
        responses={200: LessonProgressSerializer, **PERSONAL_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        """Record that the learner opened a lesson, and whether they finished it."""
        lesson = self.get_object()
        data = LessonProgressInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        enrolment = enrolment_for(request.user, lesson)
        if enrolment is None:
            return error_response(_enrol_first())
        try:
            progress = record_lesson(enrolment, lesson, data.validated_data["completed"])
        except AttemptRefused as error:
            return refused(error)
        enrolment.refresh_from_db()
        return Response(
            {
                "lesson": lesson.pk,
                "completed": progress.completed_at is not None,
                "completed_at": progress.completed_at,
                "course_completed": enrolment.completed_at is not None,
            }
        )


def _enrol_first():
    from django.utils.translation import gettext

    return gettext("Enrol in the course first.")


class QuizViewSet(IdempotentPostMixin, viewsets.GenericViewSet):
    lookup_value_regex = ID_PATTERN
    permission_classes = [IsAuthenticated]
    queryset = QuizPage.objects.live()

    def get_queryset(self):
        return super().get_queryset().public()

    serializer_class = AttemptSerializer

    @extend_schema(
        methods=["GET"],
        responses={200: AttemptSerializer(many=True), **PERSONAL_ERRORS},
        description="The learner's attempts at this quiz, oldest first, paginated as every "
        "listing is.",
    )
    @extend_schema(
        methods=["POST"],
        request=None,
        responses={200: AttemptSerializer, 201: AttemptSerializer, **PERSONAL_ERRORS},
        description="Start an attempt (201), or get back the one still in progress (200).",
    )
    @action(detail=True, methods=["get", "post"])
    def attempts(self, request, pk=None):
        quiz = self.get_object()
        enrolment = enrolment_for(request.user, quiz)
        if enrolment is None:
            return error_response(_enrol_first())
        if request.method == "GET":
            attempts = enrolment.attempts.filter(quiz_key=quiz.translation_key).select_related(
                "quiz", "enrolment"
            )
            page = self.paginate_queryset(attempts.order_by("number", "pk"))
            return self.get_paginated_response(AttemptSerializer(page, many=True, context={}).data)
        try:
            attempt, created = start_attempt(enrolment, quiz)
        except AttemptRefused as error:
            return refused(error)
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(AttemptSerializer(attempt, context={}).data, status=code)


class AttemptViewSet(IdempotentPostMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_value_regex = ID_PATTERN
    permission_classes = [IsAuthenticated]
    serializer_class = AttemptSerializer
    queryset = Attempt.objects.none()

    def get_queryset(self):
        return Attempt.objects.filter(enrolment__user=self.request.user).select_related(
            "quiz", "enrolment"
        )

    @extend_schema(responses={200: AttemptSerializer, **PERSONAL_ERRORS})
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        request=SubmissionSerializer, responses={200: AttemptSerializer, **PERSONAL_ERRORS}
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit the answers once; the score and feedback come back at once."""
        attempt = self.get_object()
        data = SubmissionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            attempt = submit_attempt(attempt.pk, request.user, data.validated_data["answers"])
        except AttemptRefused as error:
            return refused(error)
        return Response(AttemptSerializer(attempt, context={}).data)


class CertificateViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsAuthenticated]
    serializer_class = CertificateSerializer
    queryset = Certificate.objects.none()

    def get_queryset(self):
        return Certificate.objects.filter(enrolment__user=self.request.user).order_by("-issued_at")

    @extend_schema(responses={200: CertificateSerializer(many=True), **PERSONAL_ERRORS})
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


routes = [
    ("learning/courses", CourseViewSet, "learning-course"),
    ("learning/enrolments", EnrolmentViewSet, "learning-enrolment"),
    ("learning/lessons", LessonViewSet, "learning-lesson"),
    ("learning/quizzes", QuizViewSet, "learning-quiz"),
    ("learning/attempts", AttemptViewSet, "learning-attempt"),
    ("learning/certificates", CertificateViewSet, "learning-certificate"),
]
