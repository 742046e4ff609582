"""The admin dashboard per role: "my organisation" for a donor, "my country" for a national
point of contact, and the secretariat's queue.

Each panel lists only what the user may see (the rules of `assistance.permissions`) and
offers the decisions the user may take; the decisions are posted to the views of
`assistance.admin.decisions`, which take them through `assistance.review`.
"""

from django.apps import apps
from django.db.models import Count, Q
from django.template.loader import get_template
from wagtail.admin.ui.components import Component

from cms.accounts import roles
from cms.core.languages import with_fallback
from cms.core.models import Country, Organisation
from cms.core.states import active_language

from .. import permissions as rules
from ..models import Match, Need, Resource, StatedNeed
from ..review import awaiting_decision
from .forms import MatchDecisionForm

OPEN_MATCHES = [Match.Status.PROPOSED, Match.Status.UNDER_DISCUSSION]
LIMIT = 50


def term_name(model, code):
    return model.objects.names(active_language(), [code]).get(code, code)


class RolePanel(Component):
    def __init__(self, request):
        self.request = request
        self.user = request.user

    def render_html(self, parent_context=None):
        # Rendered with the request, for the forms' CSRF tokens.
        template = get_template(self.template_name)
        return template.render(self.get_context_data(parent_context), request=self.request)


class DonorPanel(RolePanel):
    """My organisation: its resources, and the matches proposed to it to accept or decline."""

    name = "assistance_my_organisation"
    order = 120
    template_name = "assistance/admin/panels/my_organisation.html"

    def __init__(self, request, organisation_code):
        super().__init__(request)
        self.code = organisation_code

    def get_context_data(self, parent_context=None):
        resources = Resource.objects.filter(provider__code=self.code).order_by("title")
        matches = (
            rules.visible_matches(self.user)
            .filter(resources__provider__code=self.code, status__in=OPEN_MATCHES)
            .select_related("need__country")
            .prefetch_related("contributions__resource")
            .distinct()
            .order_by("-score", "pk")[:LIMIT]
        )
        names = Country.objects.names(active_language())
        rows = [
            {
                "match": match,
                "country": names.get(match.need.country.code, match.need.country.name),
                "resources": [item.resource.title for item in match.contributions.all()],
                "form": MatchDecisionForm(auto_id=f"id_match{match.pk}_%s", for_provider=True),
            }
            for match in matches
        ]
        return {
            "organisation": term_name(Organisation, self.code),
            "resources": resources[:LIMIT],
            "rows": rows,
        }


class CountryPanel(RolePanel):
    """My country: its national reports and their status, its needs and their matches."""

    name = "assistance_my_country"
    order = 120
    template_name = "assistance/admin/panels/my_country.html"

    def __init__(self, request, country_code):
        super().__init__(request)
        self.code = country_code

    def reports(self):
        if not apps.is_installed("cms.library"):
            return []
        from cms.library.models import NationalReportPage

        pages = NationalReportPage.objects.filter(country__code=self.code)
        pages = with_fallback(pages, active_language()).select_related("cycle")
        return list(pages.order_by("-cycle__year", "title")[:LIMIT])

    def get_context_data(self, parent_context=None):
        needs = (
            Need.objects.filter(country__code=self.code)
            .select_related("stated_in_report")
            .annotate(open_matches=Count("matches", filter=Q(matches__status__in=OPEN_MATCHES)))
            .order_by("-updated_at")[:LIMIT]
        )
        matches = (
            rules.visible_matches(self.user)
            .filter(need__country__code=self.code)
            .exclude(status=Match.Status.DECLINED)
            .select_related("need")
            .prefetch_related("contributions__resource")
            .order_by("-score", "pk")[:LIMIT]
        )
        return {
            "country": term_name(Country, self.code),
            "reports": self.reports(),
            "needs": [{"need": need, "awaiting": awaiting_decision(need)} for need in needs],
            "matches": [
                {
                    "match": match,
                    "resources": [item.resource.title for item in match.contributions.all()],
                }
                for match in matches
            ],
        }


class SecretariatPanel(RolePanel):
    """The secretariat's queue: what waits for it."""

    name = "assistance_secretariat_queue"
    order = 120
    template_name = "assistance/admin/panels/secretariat_queue.html"

    def get_context_data(self, parent_context=None):
        return {
            "submitted_needs": Need.objects.filter(status=Need.Status.SUBMITTED).count(),
            "stated_needs": StatedNeed.objects.filter(state=StatedNeed.State.PROPOSED).count(),
            "proposed_matches": Match.objects.filter(
                status=Match.Status.PROPOSED, is_current=True
            ).count(),
            "discussed_matches": Match.objects.filter(status=Match.Status.UNDER_DISCUSSION).count(),
        }


def panels_for(request):
    """The role panels of the user's dashboard."""
    user = request.user
    if roles.is_secretariat(user):
        return [SecretariatPanel(request)]
    panels = []
    country = roles.is_national_point_of_contact(user) and roles.represented_country_code(user)
    if country:
        panels.append(CountryPanel(request, country))
    organisation = roles.is_donor(user) and roles.represented_organisation_code(user)
    if organisation:
        panels.append(DonorPanel(request, organisation))
    return panels
