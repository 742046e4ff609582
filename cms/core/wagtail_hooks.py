from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .chooser import TermChooserViewSet
from .models import (
    AssistanceForm,
    Country,
    MosaicModule,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
)


class TermViewSet(SnippetViewSet):
    chooser_viewset_class = TermChooserViewSet
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


class ThematicAreaViewSet(TermViewSet):
    model = ThematicArea
    icon = "tag"


class MosaicModuleViewSet(TermViewSet):
    model = MosaicModule
    icon = "doc-full"
    list_display = ["code", "name"]
    ordering = ["code"]


class AssistanceFormViewSet(TermViewSet):
    model = AssistanceForm
    icon = "tag"


class OrganisationTypeViewSet(TermViewSet):
    model = OrganisationType
    icon = "group"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "code", "level", "parent"]
    list_filter = ["level"]
    ordering = ["level", "code"]


class CountryViewSet(TermViewSet):
    model = Country
    icon = "site"
    list_display = ["name", "code", "alpha3", "region", "sub_region"]
    list_filter = ["is_ldc", "is_lldc", "is_sids"]
    ordering = ["name"]


class OrganisationViewSet(TermViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "organisation_type", "country"]
    ordering = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (
        ThematicAreaViewSet,
        MosaicModuleViewSet,
        AssistanceFormViewSet,
        OrganisationTypeViewSet,
        OrganisationViewSet,
        CountryViewSet,
        RegionViewSet,
    )


register_snippet(TaxonomyViewSetGroup)
