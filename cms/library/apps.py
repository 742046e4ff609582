from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "cms.library"
    label = "library"
    verbose_name = _("Documentation library")
    outbox_topics = {
        "library.extract-document-text": "cms.library.tasks.extract_document_text_handler",
        "library.refresh-country-profile": "cms.library.tasks.refresh_country_profile_handler",
        "library.send-submission-receipt": "cms.library.tasks.send_submission_receipt_handler",
    }

    # Contributions to the suite (see cms.core.plugins).
    api_routes = [
        ("national-reports", "cms.library.api.reports.NationalReportViewSet", "national-report"),
        ("reporting-cycles", "cms.library.api.cycles.ReportingCycleViewSet", "reporting-cycle"),
        (
            "questionnaires",
            "cms.library.api.questionnaire.QuestionnaireVersionViewSet",
            "questionnaire",
        ),
    ]
    api_urlpatterns = [
        ("reporting-status/", "cms.library.api.status.ReportingStatusView", "reporting-status"),
        ("report-answers/", "cms.library.api.questionnaire.ReportAnswerListView", "report-answers"),
        (
            "countries/<str:code>/profile/",
            "cms.library.api.profiles.CountryProfileView",
            "country-profile",
        ),
    ]
    site_urlpatterns = "cms.library.urls.site_urlpatterns"
    profile_sections = ["cms.library.profiles.REPORTS_SECTION"]
    demo_loader = "cms.library.demo.load"

    def ready(self):
        from . import signals

        signals.register()
