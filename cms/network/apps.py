from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "cms.network"
    label = "network"
    verbose_name = _("Small Arms Advisory Network")
    outbox_topics = {"network.send-notification": "cms.network.tasks.send_notification_handler"}

    # Contributions to the suite (see cms.core.plugins).
    api_routes = [("contacts", "cms.network.api.contacts.ContactViewSet", "contact")]
    api_urlpatterns = "cms.network.urls.api_urlpatterns"
    search_providers = ["cms.network.search.QuestionProvider"]
    search_audiences = "cms.network.search.audiences"
    profile_sections = ["cms.network.profiles.CONTACTS_SECTION"]
    demo_loader = "cms.network.demo.load"
    api_enum_names = {"PostStateEnum": "cms.network.models.POST_STATES"}

    def ready(self):
        from . import search, signals

        signals.register()
        search.connect()
