"""The world overview: every country's reporting status by cycle, as an accessible table."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.core.models import HeadlessPreviewMixin


class WorldOverviewPage(HeadlessPreviewMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("world overview")
        verbose_name_plural = _("world overviews")

    def get_context(self, request, *args, **kwargs):
        from ..overview import STATUS_LABELS, cycles_for, reporting_status

        context = super().get_context(request, *args, **kwargs)
        cycles = cycles_for()
        rows = reporting_status(self.locale.language_code, cycles)
        context.update(
            cycles=cycles,
            rows=[(row.country, row.cells(cycles)) for row in rows],
            status_labels=STATUS_LABELS,
        )
        return context
