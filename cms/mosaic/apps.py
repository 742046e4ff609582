from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MosaicConfig(AppConfig):
    name = "cms.mosaic"
    label = "mosaic"
    verbose_name = _("MOSAIC self-assessment")
    default_auto_field = "django.db.models.BigAutoField"

    # Contributions to the suite (see cms.core.plugins).
    api_routes = [
        ("mosaic/clauses", "cms.mosaic.api.ClauseViewSet", "mosaic-clause"),
        ("mosaic/assessments", "cms.mosaic.api.AssessmentViewSet", "mosaic-assessment"),
    ]
    demo_loader = "cms.mosaic.demo.load"
    api_enum_names = {
        "MosaicRatingEnum": "cms.mosaic.models.RATINGS",
        "MosaicPriorityEnum": "cms.mosaic.models.PRIORITIES",
        "MosaicProgressEnum": "cms.mosaic.assessments.PROGRESS_CHOICES",
    }

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from cms.api.caching import content_changed

        from .models import Assessment, Clause, ClauseRating

        # Shared assessments and the clauses are served to the public through the API cache.
        for model in (Assessment, Clause, ClauseRating):
            uid = f"mosaic-api-cache-{model.__name__}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
