"""National reports on the implementation of the PoA and the ITI."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.core.instruments import Instrument
from cms.core.models import HeadlessPreviewMixin
from cms.core.states import not_a_reporting_state

from ..forms import NationalReportForm
from ..panels import TextExtractionPanel
from ..permissions import ReportIndexPermissionTester, ReportPermissionTester
from ..report_blocks import ReportSectionsBlock
from ..uploads import validate_report_document
from .cycles import ReportingCycle


class NationalReportIndexPage(HeadlessPreviewMixin, Page):
    """Where the national reports of every State live, one per country and cycle."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["library.NationalReportPage"]
    parent_page_types = ["core.HomePage", "core.SectionPage"]

    class Meta:
        verbose_name = _("national reports index")
        verbose_name_plural = _("national reports indexes")

    def permissions_for_user(self, user):
        return ReportIndexPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reports"] = (
            NationalReportPage.objects.child_of(self)
            .live()
            .public()
            .select_related("country", "cycle")
            .order_by("country__name", "-cycle__year")
        )
        return context


class ReportKind(models.TextChoices):
    FULL = "full", _("Full report")
    UPDATE = "update", _("Update of the previous report")


class NationalReportPage(HeadlessPreviewMixin, Page):
    country = models.ForeignKey(
        "core.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    instrument = models.CharField(
        _("instrument"), max_length=10, choices=Instrument.choices, default=Instrument.BOTH
    )
    kind = models.CharField(
        _("kind of report"),
        max_length=10,
        choices=ReportKind.choices,
        default=ReportKind.FULL,
        help_text=_("An update reports only what changed since the State's previous report."),
    )
    cycle = models.ForeignKey(
        ReportingCycle,
        verbose_name=_("reporting cycle"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    submission_date = models.DateField(_("submission date"), null=True, blank=True)
    sections = StreamField(ReportSectionsBlock(), verbose_name=_("report sections"), blank=True)
    questionnaire = models.ForeignKey(
        "library.QuestionnaireVersion",
        verbose_name=_("questionnaire version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answers = models.JSONField(
        _("answers"),
        default=dict,
        blank=True,
        encoder=DjangoJSONEncoder,
        help_text=_("The answers to the questionnaire, keyed by question code."),
    )

    base_form_class = NationalReportForm
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("instrument"), FieldPanel("kind"), FieldPanel("cycle")]),
                FieldPanel("submission_date"),
            ],
            heading=_("Report"),
        ),
        InlinePanel("files", label=_("Submitted files (PDF)")),
        TextExtractionPanel(),
        FieldPanel("sections"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("sections"),
        index.SearchField("extracted_text"),
        index.FilterField("instrument"),
        index.FilterField("cycle"),
        index.FilterField("country"),
    ]
    api_fields = [
        APIField("country_code"),
        APIField("country_name"),
        APIField("instrument"),
        APIField("kind"),
        APIField("cycle_code"),
        APIField("cycle_year"),
        APIField("submission_date"),
        APIField("files"),
        APIField("questionnaire_code"),
        APIField("answers"),
        APIField("sections"),
    ]
    parent_page_types = ["library.NationalReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("national report")
        verbose_name_plural = _("national reports")

    def permissions_for_user(self, user):
        return ReportPermissionTester(user, self)

    @property
    def country_code(self) -> str:
        return self.country.code

    def search_facets(self):
        """Filters of the search service: the reporting country, its M49 regions, the year."""
        country = self.country
        regions = [
            region.code
            for region in (country.region, country.sub_region, country.intermediate_region)
            if region is not None
        ]
        return {"countries": [country.code], "regions": regions, "year": self.cycle.year}

    @property
    def country_name(self) -> str:
        return self.country.name

    @property
    def questionnaire_code(self) -> str | None:
        return self.questionnaire.code if self.questionnaire_id else None

    @property
    def cycle_code(self) -> str:
        return self.cycle.code

    @property
    def cycle_year(self) -> int:
        return self.cycle.year

    def clean(self):
        super().clean()
        if self.country_id and not self.country.is_reporting_state:
            raise ValidationError({"country": not_a_reporting_state(self.country)})
        if self.country_id and self.cycle_id:
            same = (
                NationalReportPage.objects.filter(
                    country__code=self.country.code, cycle=self.cycle, locale_id=self.locale_id
                )
                .exclude(pk=self.pk)
                .exclude(translation_key=self.translation_key)
            )
            if same.exists():
                raise ValidationError(
                    {
                        "cycle": _("%(country)s already has a report for %(cycle)s.")
                        % {"country": self.country.name, "cycle": self.cycle}
                    }
                )

    def answer_sheet(self):
        """The answers by section, in the active language, for the report's pages."""
        from django.utils.translation import get_language

        from ..questionnaire.sheet import answer_sheet

        return answer_sheet(self, get_language())

    def extracted_text(self):
        """The text of the submitted PDF files, for search."""
        from .extraction import DocumentText

        texts = DocumentText.objects.filter(
            document__in=[item.document_id for item in self.files.all()],
            status=DocumentText.Status.EXTRACTED,
        ).values_list("text", flat=True)
        return "\n".join(texts)

    def stated_needs(self):
        """The assistance needs stated in the report, as (thematic area, form, description)."""
        needs = []
        for block in self.sections:
            if block.block_type == "international_assistance":
                for need in block.value["needs"]:
                    needs.append(
                        {
                            "thematic_area": need["thematic_area"],
                            "assistance_form": need["assistance_form"],
                            "description": need["description"],
                        }
                    )
        return needs

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        from ..tasks import schedule_text_extraction

        for document_id in sorted({item.document_id for item in self.files.all()} - {None}):
            schedule_text_extraction(document_id)
        return revision


class NationalReportFile(Orderable):
    """A submitted file of the report, in one of the six languages."""

    page = ParentalKey(NationalReportPage, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF file"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("language"), FieldPanel("document")]
    api_fields = [APIField("language"), APIField("download_url"), APIField("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self):
        return f"{self.document} ({self.language})"

    def clean(self):
        super().clean()
        if self.document_id:
            try:
                validate_report_document(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from None

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def download_url(self) -> str:
        from django.urls import reverse

        return reverse("library:report-file", args=[self.document_id])
