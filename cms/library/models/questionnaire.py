"""The national report questionnaire: versioned templates of sections and questions.

A version is loaded from a data file (`cms/library/data/questionnaire/`) and never edited
in place once reports use it: a later version adds or rewords questions under new rows,
while a question keeps its `code` from one version to the next, so that answers compare
across cycles. Texts are held in the six UN languages as {language code: text}.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.core.instruments import Instrument
from cms.core.languages import pick_translation


def in_language(texts, language=None):
    """The text of `texts` ({code: text}) in `language` (default: the active one)."""
    found = pick_translation(texts or {}, language or get_language())
    return found[1] if found else ""


class QuestionnaireVersion(models.Model):
    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("e.g. v2026"))
    title = models.JSONField(_("title"), default=dict)
    loaded_at = models.DateTimeField(_("loaded"), auto_now=True)

    class Meta:
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        ordering = ["code"]

    def __str__(self):
        return self.code

    def title_in(self, language=None):
        return in_language(self.title, language)

    def questions_by_code(self):
        return {
            question.code: question
            for question in QuestionnaireQuestion.objects.filter(section__version=self)
            .select_related("section")
            .order_by("section__sort_order", "sort_order")
        }


class QuestionnaireSection(models.Model):
    version = models.ForeignKey(
        QuestionnaireVersion,
        verbose_name=_("questionnaire version"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    code = models.SlugField(_("code"), max_length=60)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    title = models.JSONField(_("title"), default=dict)

    class Meta:
        verbose_name = _("questionnaire section")
        verbose_name_plural = _("questionnaire sections")
        ordering = ["version", "sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="library_section_code_per_version"
            )
        ]

    def __str__(self):
        return f"{self.version.code} {self.code}"

    def title_in(self, language=None):
        return in_language(self.title, language)


class QuestionnaireQuestion(models.Model):
    class AnswerType(models.TextChoices):
        STATUS = "yes_no_in_development", _("Yes / no / in development / not applicable")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Text")
        LIST = "list", _("List of entries")

    section = models.ForeignKey(
        QuestionnaireSection,
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    code = models.SlugField(
        _("code"),
        max_length=80,
        help_text=_("Stable across versions, so that answers compare from cycle to cycle."),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    instrument = models.CharField(_("instrument"), max_length=10, choices=Instrument.choices)
    paragraph = models.CharField(
        _("paragraph"),
        max_length=100,
        blank=True,
        help_text=_(
            "The paragraph of the PoA or the ITI (or the outcome) the question implements."
        ),
    )
    answer_type = models.CharField(_("answer type"), max_length=30, choices=AnswerType.choices)
    required = models.BooleanField(_("required to submit"), default=False)
    text = models.JSONField(_("question"), default=dict)
    help_text = models.JSONField(_("guidance"), default=dict, blank=True)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    min_value = models.IntegerField(_("smallest value"), null=True, blank=True)
    item_fields = models.JSONField(
        _("fields of an entry"),
        default=list,
        blank=True,
        help_text=_("For lists: the fields of one entry, their types and labels."),
    )

    class Meta:
        verbose_name = _("questionnaire question")
        verbose_name_plural = _("questionnaire questions")
        ordering = ["section__sort_order", "sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "code"], name="library_question_code_per_section"
            )
        ]

    def __str__(self):
        return self.code

    def text_in(self, language=None):
        return in_language(self.text, language)

    def help_in(self, language=None):
        return in_language(self.help_text, language)
