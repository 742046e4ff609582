"""The assistance snippets in the admin: needs, resources, matches and projects.

Every list, chooser and object page goes through the user's permission policy, so the admin
shows and offers only what the API would.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.models import Country, ThematicArea
from cms.core.states import NamedInLanguageIterator

from ..models import Match, Need, Project, Resource, StatedNeed
from .forms import AssistanceAdminForm, NeedAdminForm, ResourceAdminForm
from .policies import POLICIES, ScopedObjectMixin


def _reporting_states(request):
    return Country.objects.source().reporting_states()


class StateChoiceField(django_filters.fields.ModelChoiceField):
    iterator = NamedInLanguageIterator


class StateFilter(django_filters.ModelChoiceFilter):
    """A reporting State, chosen by its name in the user's language."""

    field_class = StateChoiceField


def _themes(request):
    return ThematicArea.objects.source()


class NeedFilterSet(WagtailFilterSet):
    country = StateFilter(queryset=_reporting_states, label=_("requesting State"))
    themes = django_filters.ModelChoiceFilter(queryset=_themes, label=_("thematic area"))
    # Needs proposed from national reports, for the State to confirm or discard.
    from_report = django_filters.ChoiceFilter(
        field_name="stated_in_report__state",
        choices=StatedNeed.State.choices,
        label=_("stated in a national report"),
    )

    class Meta:
        model = Need
        fields = ["status", "priority", "concerns_iti", "country", "themes"]


class ResourceFilterSet(WagtailFilterSet):
    themes = django_filters.ModelChoiceFilter(queryset=_themes, label=_("thematic area"))

    class Meta:
        model = Resource
        fields = ["status", "kind", "is_global", "rolling", "themes"]


class ScopedEditView(ScopedObjectMixin, snippet_views.EditView):
    object_action = "change"


class ScopedDeleteView(ScopedObjectMixin, snippet_views.DeleteView):
    object_action = "delete"


class ScopedCopyView(ScopedObjectMixin, snippet_views.CopyView):
    pass


class ScopedInspectView(ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedUsageView(ScopedObjectMixin, snippet_views.UsageView):
    pass


class ScopedHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedChooseView(snippet_chooser.ChooseView):
    def get_object_list(self):
        return self.model_class.snippet_viewset.get_queryset(self.request)


class ScopedChooseResultsView(snippet_chooser.ChooseResultsView):
    def get_object_list(self):
        return self.model_class.snippet_viewset.get_queryset(self.request)


class ScopedChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return self.model_class.snippet_viewset.get_queryset(self.request).get(pk=pk)


class ScopedChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.model_class.snippet_viewset.get_queryset(self.request).filter(pk__in=pks)


class ScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


class ScopedViewSet(SnippetViewSet):
    """The rules of `policies`: lists, choosers and each object's pages show only what
    the user may see, and offer only what the user may do."""

    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    inspect_view_class = ScopedInspectView
    usage_view_class = ScopedUsageView
    history_view_class = ScopedHistoryView
    chooser_viewset_class = ScopedChooserViewSet

    @property
    def permission_policy(self):
        return POLICIES[self.model](self.model)

    def get_queryset(self, request):
        return self.permission_policy.visible(request.user)


class NeedViewSet(ScopedViewSet):
    model = Need
    icon = "help"
    menu_label = _("Needs")
    list_display = ["title", "country", "amount_usd", "status", "updated_at"]
    filterset_class = NeedFilterSet
    search_fields = ["title", "description"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("description"), FieldPanel("original_language")],
                heading=_("Request"),
            ),
            FieldRowPanel([FieldPanel("country"), FieldPanel("applicant")]),
            FieldPanel("themes"),
            FieldPanel("forms"),
            FieldRowPanel([FieldPanel("amount"), FieldPanel("currency")]),
            FieldRowPanel(
                [
                    FieldPanel("start_date"),
                    FieldPanel("latest_start_date"),
                    FieldPanel("duration_months"),
                ]
            ),
            FieldRowPanel([FieldPanel("required_unit"), FieldPanel("required_quantity")]),
            FieldRowPanel([FieldPanel("priority"), FieldPanel("concerns_iti")]),
            FieldRowPanel([FieldPanel("status"), FieldPanel("consent_to_publish")]),
            FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
            FieldPanel("translations"),
        ],
        base_form_class=NeedAdminForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country", "stated_in_report")


class ResourceViewSet(ScopedViewSet):
    model = Resource
    icon = "tasks"
    menu_label = _("Resources")
    list_display = ["title", "kind", "provider", "grant_cap_usd", "status"]
    filterset_class = ResourceFilterSet
    search_fields = ["title", "description"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("description"), FieldPanel("original_language")],
                heading=_("Resource"),
            ),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
            FieldRowPanel([FieldPanel("provider"), FieldPanel("provider_country")]),
            FieldPanel("themes"),
            FieldPanel("forms"),
            MultiFieldPanel(
                [
                    FieldPanel("is_global"),
                    FieldPanel("eligible_countries"),
                    FieldPanel("eligible_regions"),
                    FieldPanel("eligible_groups"),
                    FieldPanel("eligible_applicant_types"),
                ],
                heading=_("Eligibility"),
            ),
            FieldRowPanel(
                [FieldPanel("currency"), FieldPanel("grant_floor"), FieldPanel("grant_cap")]
            ),
            FieldRowPanel(
                [
                    FieldPanel("cofunding_percent"),
                    FieldPanel("min_duration_months"),
                    FieldPanel("max_duration_months"),
                ]
            ),
            FieldRowPanel(
                [
                    FieldPanel("rolling"),
                    FieldPanel("call_opens"),
                    FieldPanel("call_closes"),
                    FieldPanel("award_date"),
                    FieldPanel("decision_days"),
                ]
            ),
            FieldRowPanel([FieldPanel("capacity_unit"), FieldPanel("capacity")]),
            FieldPanel("requires_need_from_national_report"),
            FieldPanel("priority_themes"),
            FieldPanel("priority_regions"),
            FieldPanel("requirements"),
            FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
            FieldPanel("translations"),
        ],
        base_form_class=ResourceAdminForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("provider")


class ProjectViewSet(ScopedViewSet):
    model = Project
    icon = "clipboard-list"
    menu_label = _("Projects")
    list_display = ["code", "title", "status", "amount_usd"]
    list_filter = ["status"]
    search_fields = ["code", "title"]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("code"), FieldPanel("iati_identifier"), FieldPanel("status")]
            ),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("expectations"),
            FieldPanel("objective"),
            FieldPanel("accomplishments"),
            FieldPanel("partners"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel(
                [FieldPanel("funding_source"), FieldPanel("amount"), FieldPanel("currency")]
            ),
            FieldRowPanel([FieldPanel("division"), FieldPanel("implementing_organisation")]),
            FieldPanel("focus_countries"),
            FieldPanel("focus_regions"),
            FieldPanel("themes"),
            FieldPanel("dac_sector"),
            FieldRowPanel(
                [
                    FieldPanel("reporting_organisation"),
                    FieldPanel("reporting_org_ref"),
                    FieldPanel("reporting_org_type"),
                ]
            ),
            FieldPanel("needs"),
            FieldPanel("resources"),
            FieldPanel("comment"),
            FieldPanel("original_language"),
            FieldPanel("translations"),
        ],
        base_form_class=AssistanceAdminForm,
    )


class MatchViewSet(ScopedViewSet):
    model = Match
    icon = "link"
    menu_label = _("Matches")
    list_display = ["need", "resource_key", "score", "status", "is_current"]
    list_filter = ["status", "is_cofunding", "is_current"]
    inspect_view_enabled = True
    # The status moves through decisions (the review screen, the donor's dashboard), which
    # record each step; the edit form keeps the feedback.
    edit_handler = ObjectList(
        [
            FieldPanel("decline_reason", read_only=True),
            FieldRowPanel([FieldPanel("need_met_by_recipient"), FieldPanel("recipient_feedback")]),
            FieldRowPanel([FieldPanel("need_met_by_provider"), FieldPanel("provider_feedback")]),
        ]
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("need")


class AssistanceViewSetGroup(SnippetViewSetGroup):
    items = (NeedViewSet, ResourceViewSet, MatchViewSet, ProjectViewSet)
    menu_icon = "globe"
    menu_label = _("Assistance")
    menu_name = "assistance"
