from django.urls import path

from . import views
from .reports import TranslationStatusReportView

app_name = "editorial"
urlpatterns = [
    path(
        "translations/<int:translation_id>/submit/",
        views.submit_translation,
        name="submit_translation",
    ),
    path(
        "reports/translation-status/",
        TranslationStatusReportView.as_view(),
        name="translation_status",
    ),
    path(
        "reports/translation-status/results/",
        TranslationStatusReportView.as_view(results_only=True),
        name="translation_status_results",
    ),
]
