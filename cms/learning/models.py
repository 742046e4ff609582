"""Courses, modules, lessons and quizzes (pages), and what learners do with them."""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blocks.blocks import BodyBlock
from cms.core.choices import TermChoicesPageForm
from cms.core.models import HeadlessPreviewMixin

from .questions import QuestionBankBlock


def objectives_field():
    return StreamField(
        [("objective", blocks.CharBlock(label=_("learning objective")))],
        verbose_name=_("learning objectives"),
        blank=True,
    )


def duration_field():
    return models.PositiveIntegerField(_("estimated duration (minutes)"), null=True, blank=True)


class CoursePage(HeadlessPreviewMixin, Page):
    """A course: its modules are the child pages; its question bank feeds the quizzes."""

    intro = models.TextField(_("introduction"), blank=True)
    objectives = objectives_field()
    estimated_duration = duration_field()
    # Thematic areas once per term, in the course's language, with a search box.
    base_form_class = TermChoicesPageForm
    thematic_areas = ParentalManyToManyField(
        "core.ThematicArea", verbose_name=_("thematic areas"), blank=True, related_name="+"
    )
    question_bank = StreamField(QuestionBankBlock(), verbose_name=_("question bank"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldPanel("estimated_duration"),
        FieldPanel("thematic_areas"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList([FieldPanel("question_bank")], heading=_("Question bank")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # The question bank holds the answer keys: it is never part of the pages API.
    api_fields = [APIField("intro"), APIField("objectives"), APIField("estimated_duration")]
    subpage_types = ["learning.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def modules(self):
        return ModulePage.objects.child_of(self).live().order_by("path")

    def search_facets(self):
        return {"themes": [area.code for area in self.thematic_areas.all()]}


class ModulePage(HeadlessPreviewMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    objectives = objectives_field()
    estimated_duration = duration_field()
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisites"),
        symmetrical=False,
        blank=True,
        related_name="+",
        help_text=_("Modules of the same course to complete first."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldPanel("estimated_duration"),
        FieldPanel("prerequisites"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("objectives"), APIField("estimated_duration")]
    parent_page_types = ["learning.CoursePage"]
    subpage_types = ["learning.LessonPage", "learning.QuizPage"]

    class Meta:
        verbose_name = _("course module")
        verbose_name_plural = _("course modules")


class LessonPage(HeadlessPreviewMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    estimated_duration = duration_field()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("estimated_duration"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body"), APIField("estimated_duration")]
    parent_page_types = ["learning.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")


class QuizPage(HeadlessPreviewMixin, Page):
    class Selection(models.TextChoices):
        FIXED = "fixed", _("Fixed: the first questions of the bank")
        RANDOM = "random", _("Random: a new draw from the bank for each attempt")

    class Grading(models.TextChoices):
        HIGHEST = "highest", _("Highest attempt")
        LAST = "last", _("Last attempt")

    class ShowAnswers(models.TextChoices):
        NEVER = "never", _("Never")
        AFTER_ATTEMPT = "after_attempt", _("After each attempt")
        AFTER_FINAL = "after_final", _("Once passed or out of attempts")

    intro = models.TextField(_("introduction"), blank=True)
    selection = models.CharField(
        _("question selection"), max_length=10, choices=Selection, default=Selection.FIXED
    )
    question_count = models.PositiveSmallIntegerField(
        _("number of questions"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty to ask every question of the bank."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    grading = models.CharField(
        _("grading method"), max_length=10, choices=Grading, default=Grading.HIGHEST
    )
    time_limit = models.PositiveIntegerField(
        _("time limit (minutes)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    show_answers = models.CharField(
        _("show correct answers"),
        max_length=15,
        choices=ShowAnswers,
        default=ShowAnswers.AFTER_FINAL,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("selection"),
        FieldPanel("question_count"),
        FieldPanel("shuffle_questions"),
        FieldPanel("shuffle_options"),
        FieldPanel("pass_mark"),
        FieldPanel("max_attempts"),
        FieldPanel("grading"),
        FieldPanel("time_limit"),
        FieldPanel("show_answers"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("question_count"),
        APIField("pass_mark"),
        APIField("max_attempts"),
        APIField("grading"),
        APIField("time_limit"),
        APIField("show_answers"),
    ]
    parent_page_types = ["learning.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    @property
    def course(self):
        return CoursePage.objects.ancestor_of(self).first()


class Enrolment(models.Model):
    """A learner on a course, in the language version they enrolled in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    # The course in every language: progress follows a learner who changes language.
    course_key = models.UUIDField(db_index=True)
    language = models.CharField(_("language"), max_length=7)
    # The xAPI registration of every statement of this enrolment: stable, one per enrolment.
    registration = models.UUIDField(
        _("xAPI registration"), default=uuid.uuid4, unique=True, editable=False
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]

    def __str__(self):
        return f"{self.user} – {self.course.title}"


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lessons")
    lesson_key = models.UUIDField()
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    first_opened_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson_key"], name="one_progress_per_lesson"
            )
        ]

    def __str__(self):
        return f"{self.enrolment} – {self.lesson.title}"


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Expired")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="attempts")
    quiz_key = models.UUIDField()
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=Status, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The questions as they were asked, with their answer keys (never sent before allowed).
    questions = models.JSONField(default=list)
    answers = models.JSONField(default=dict)
    results = models.JSONField(default=dict)
    score = models.FloatField(null=True, blank=True)
    passed = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "quiz_key", "number"], name="attempt_numbers_unique"
            ),
            models.UniqueConstraint(
                fields=["enrolment", "quiz_key"],
                condition=Q(status="in_progress"),
                name="one_open_attempt_per_quiz",
            ),
        ]

    def __str__(self):
        return f"{self.enrolment} – {self.quiz.title} #{self.number}"

    def is_overdue(self, now=None):
        return self.deadline is not None and (now or timezone.now()) > self.deadline


def new_certificate_code():
    return secrets.token_hex(8).upper()


class Certificate(models.Model):
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(max_length=32, unique=True, default=new_certificate_code)
    learner_name = models.CharField(_("learner name"), max_length=255)
    course_title = models.CharField(_("course title"), max_length=255)
    language = models.CharField(_("language"), max_length=7)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.code


class Statement(models.Model):
    """An xAPI statement, stored here and forwarded to an external LRS when one is set."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=20, db_index=True)
    object_id = models.CharField(max_length=500)
    statement = models.JSONField()
    stored_at = models.DateTimeField(default=timezone.now, db_index=True)
    forwarded_at = models.DateTimeField(null=True, blank=True)
    forward_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["stored_at"]

    def __str__(self):
        return f"{self.verb} {self.object_id}"
