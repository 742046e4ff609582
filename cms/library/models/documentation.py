"""Pages of the documentation library."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from blocks.blocks import BodyBlock
from cms.core.models import HeadlessPreviewMixin

from ..documents import undocs_url, validate_symbol


class DocumentationPage(HeadlessPreviewMixin, Page):
    """A PoA/ITI text, resolution, Secretary-General report or meeting document."""

    document_date = models.DateField(_("document date"), null=True, blank=True)
    meeting = models.CharField(
        _("meeting"), max_length=255, blank=True, help_text=_("For example BMS6 2016.")
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        InlinePanel("symbols", label=_("UN document symbols")),
        FieldPanel("document_date"),
        FieldPanel("meeting"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("original_files", label=_("Original documents, per language")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("symbols", [index.SearchField("symbol")]),
    ]
    api_fields = [
        APIField("symbols"),
        APIField("document_date"),
        APIField("meeting"),
        APIField("summary"),
        APIField("body"),
        APIField("original_files"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("documentation page")
        verbose_name_plural = _("documentation pages")


class DocumentSymbol(Orderable):
    page = ParentalKey(DocumentationPage, on_delete=models.CASCADE, related_name="symbols")
    symbol = models.CharField(_("symbol"), max_length=100, validators=[validate_symbol])

    panels = [FieldPanel("symbol")]
    api_fields = [APIField("symbol"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("UN document symbol")
        verbose_name_plural = _("UN document symbols")

    def __str__(self):
        return self.symbol

    @property
    def url(self) -> str:
        return undocs_url(self.symbol)


class DocumentationFile(Orderable):
    """The document as the UN issued it in one of its languages (usually a PDF)."""

    page = ParentalKey(DocumentationPage, on_delete=models.CASCADE, related_name="original_files")
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("language"), FieldPanel("document")]
    api_fields = [APIField("language"), APIField("title"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("original document")
        verbose_name_plural = _("original documents")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="documentation_file_one_per_language"
            )
        ]

    def __str__(self):
        return f"{self.document} ({self.language})"

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def url(self) -> str:
        return self.document.url
