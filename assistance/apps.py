from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.core.plugins import ProfileSection


class AssistanceConfig(AppConfig):
    name = "assistance"
    verbose_name = _("International assistance")
    outbox_topics = {
        "assistance.rematch-need": "assistance.tasks.rematch_need_handler",
        "assistance.rematch-resource": "assistance.tasks.rematch_resource_handler",
        "assistance.propose-needs-from-report": "assistance.stated_needs.propose_needs_handler",
    }

    # Contributions to the suite (see cms.core.plugins).
    api_routes = [
        ("needs", "assistance.api.NeedViewSet", "need"),
        ("resources", "assistance.api.ResourceViewSet", "resource"),
        ("matches", "assistance.api.MatchViewSet", "match"),
        ("projects", "assistance.api.ProjectViewSet", "project"),
    ]
    site_urlpatterns = "assistance.site.urls.urlpatterns"
    api_urlpatterns = [
        ("assistance/coverage/", "assistance.api.CoverageView", "assistance-coverage"),
    ]
    search_providers = [
        "assistance.search.NeedProvider",
        "assistance.search.ResourceProvider",
        "assistance.search.ProjectProvider",
    ]
    profile_sections = [
        ProfileSection(
            "needs", "assistance.profiles.needs_section", label=_("Assistance needs"), order=30
        ),
        ProfileSection(
            "projects", "assistance.profiles.projects_section", label=_("Projects"), order=40
        ),
    ]
    demo_loader = "assistance.demo.load"
    api_enum_names = {
        "NeedStatusEnum": "assistance.api.serializers.NEED_STATUSES",
        "ResourceStatusEnum": "assistance.api.serializers.RESOURCE_STATUSES",
        "MatchStatusEnum": "assistance.api.serializers.MATCH_STATUSES",
        "ProjectStatusEnum": "assistance.api.serializers.PROJECT_STATUSES",
        "StatedNeedStateEnum": "assistance.models.stated_needs.STATED_NEED_STATES",
        "CapacityUnitEnum": "assistance.models.base.CapacityUnit",
        "RatingEnum": "assistance.models.base.Rating",
        "DacSectorEnum": "assistance.models.iati_codes.DacSector",
        "IatiOrganisationTypeEnum": "assistance.models.iati_codes.IatiOrganisationType",
    }

    def ready(self):
        from . import search
        from .signals import register_signals

        register_signals()
        search.connect()
