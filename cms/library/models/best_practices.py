"""Best practices and guidelines, referenced to thematic areas and MOSAIC modules."""

from typing import TypedDict

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


class TermName(TypedDict):
    """A taxonomy term, named in the language of the page."""

    code: str
    name: str


class SourceOrganisation(TermName):
    acronym: str


class RelatedPageLink(TypedDict):
    id: int
    title: str
    url: str | None


def term(instance):
    return {"code": instance.code, "name": instance.name} if instance else None


def terms_in_locale(instances, locale_id):
    """Terms named in the page's language (child rows may point at the source's terms)."""
    if not instances:
        return []
    model = type(instances[0])
    codes = [instance.code for instance in instances]
    localized = {row.code: row for row in model.objects.filter(code__in=codes, locale_id=locale_id)}
    return [term(localized.get(instance.code, instance)) for instance in instances]


class BestPracticePage(HeadlessPreviewMixin, Page):
    """A best practice or guideline: what works, where it comes from, what it relates to."""

    summary = models.TextField(_("summary"), blank=True)
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for a practice of global relevance."),
    )
    source_organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("source organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        InlinePanel("thematic_areas", label=_("Thematic areas")),
        InlinePanel("mosaic_modules", label=_("MOSAIC modules")),
        FieldPanel("region"),
        FieldPanel("source_organisation"),
        FieldPanel("body"),
        InlinePanel("related_pages", label=_("Related pages")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("themes"),
        APIField("modules"),
        APIField("region_term"),
        APIField("source"),
        APIField("body"),
        APIField("related"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")

    @property
    def themes(self) -> list[TermName]:
        return terms_in_locale([link.theme for link in self.thematic_areas.all()], self.locale_id)

    @property
    def modules(self) -> list[TermName]:
        return terms_in_locale([link.module for link in self.mosaic_modules.all()], self.locale_id)

    @property
    def region_term(self) -> TermName | None:
        return term(self.region)

    @property
    def source(self) -> SourceOrganisation | None:
        organisation = self.source_organisation
        if organisation is None:
            return None
        return {**term(organisation), "acronym": organisation.acronym}

    @property
    def related(self) -> list[RelatedPageLink]:
        # Served to anyone: a page behind a view restriction is not named, even by its title.
        links = list(self.related_pages.select_related("related"))
        readable = set(
            Page.objects.live()
            .public()
            .filter(pk__in=[link.related_id for link in links])
            .values_list("pk", flat=True)
        )
        return [
            {"id": link.related.pk, "title": link.related.title, "url": link.related.url}
            for link in links
            if link.related_id in readable
        ]

    def search_facets(self):
        return {
            "themes": [link.theme.code for link in self.thematic_areas.all()],
            "regions": [self.region.code] if self.region else [],
        }


class BestPracticeThematicArea(Orderable):
    page = ParentalKey(BestPracticePage, on_delete=models.CASCADE, related_name="thematic_areas")
    theme = models.ForeignKey(
        "core.ThematicArea", verbose_name=_("thematic area"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("theme")]


class BestPracticeMosaicModule(Orderable):
    page = ParentalKey(BestPracticePage, on_delete=models.CASCADE, related_name="mosaic_modules")
    module = models.ForeignKey(
        "core.MosaicModule", verbose_name=_("MOSAIC module"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("module")]


class BestPracticeRelatedPage(Orderable):
    page = ParentalKey(BestPracticePage, on_delete=models.CASCADE, related_name="related_pages")
    related = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related")]
