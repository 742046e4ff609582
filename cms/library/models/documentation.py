"""Pages of the documentation library."""

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
    def url(self):
        return undocs_url(self.symbol)
