from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "cms.learning"
    label = "learning"
    verbose_name = _("E-learning")
    outbox_topics = {"learning.forward-statement": "cms.learning.tasks.forward_statement_handler"}
