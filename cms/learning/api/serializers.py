"""The learner API's serializers: the catalogue, enrolments, progress, attempts."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.languages import LANGUAGE_CODES
from cms.api.viewsets import LocalizedSerializer
from cms.core.models import ThematicArea

from ..attempts import answers_visible
from ..certificates import verification_url
from ..models import Attempt, Certificate, CoursePage, Enrolment, LessonPage, QuizPage
from ..progress import course_state, resume_page
from ..questions import without_key


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
