"""The world overview: a map of who reported in a cycle, with filters, a summary and a table."""

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
        # The analysis is built on the library's models, so it is imported only once they are.
        from ..overview_page import overview_context

        context = super().get_context(request, *args, **kwargs)
        context.update(overview_context(request, self.locale.language_code))
        return context
