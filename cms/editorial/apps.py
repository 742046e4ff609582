from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class EditorialConfig(AppConfig):
    default = True
    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")
    outbox_topics = {"editorial.send-notification": "cms.editorial.tasks.send_notification_handler"}

    # Contributions to the suite (see cms.core.plugins).
    demo_loader = "cms.editorial.demo.load"

    def ready(self):
        from . import notifications, signal_handlers

        notifications.replace_wagtail_notifiers()
        signal_handlers.register()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with user forms that include the PoA-ISS profile."""

    default = False
    user_viewset = "cms.editorial.users.UserViewSet"
