"""The learner API under /api/v2/learning/: the catalogue (public), enrolments, progress,
quiz attempts and certificates (the signed-in learner's own, and nobody else's)."""

from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from cms.api.errors import error_response
from cms.api.idempotency import IdempotentPostMixin
from cms.api.schema import ERROR, LOCALE
from cms.api.viewsets import LocalizedReadOnlyViewSet

from .. import xapi
from ..attempts import AttemptRefused, start_attempt, submit_attempt
from ..models import Attempt, Certificate, CoursePage, Enrolment, LessonPage, QuizPage
from ..progress import record_lesson
from .serializers import (
    AttemptSerializer,
    CertificateSerializer,
    CourseDetailSerializer,
    CourseSerializer,
    EnrolmentDetailSerializer,
    EnrolmentSerializer,
    LessonProgressInputSerializer,
    LessonProgressSerializer,
    SubmissionSerializer,
)

# Ids beyond nine digits cannot exist; refusing them at the router keeps them off the database.
ID_PATTERN = "[0-9]{1,9}"
PERSONAL_ERRORS = {400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR}


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
                    xapi.record(request.user, "launched", course, enrolment=enrolment)
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
