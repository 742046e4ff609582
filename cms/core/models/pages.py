"""The site's home page and the generic section pages beneath it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blocks.blocks import BodyBlock

from .preview import HeadlessPreviewMixin


class IntroBodyPage(HeadlessPreviewMixin, Page):
    """A page with a short introduction and a StreamField body."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    api_fields = [APIField("intro"), APIField("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(IntroBodyPage):
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class SectionPage(IntroBodyPage):
    """A section of the site (e.g. International assistance) that lists its child pages."""

    class Meta:
        verbose_name = _("section page")
        verbose_name_plural = _("section pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context
