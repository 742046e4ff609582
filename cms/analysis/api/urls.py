from django.urls import path

from . import views
from .report_views import ReportPdfView

urlpatterns = [
    path("analysis/report.pdf", ReportPdfView.as_view(), name="analysis-report-pdf"),
    path("analysis/questions/", views.QuestionListView.as_view(), name="analysis-questions"),
    path("analysis/answers/", views.AnswerFiguresView.as_view(), name="analysis-answers"),
    path("analysis/answers/map.svg", views.AnswerMapView.as_view(), name="analysis-answers-map"),
    path(
        "analysis/answers/chart.svg", views.AnswerChartView.as_view(), name="analysis-answers-chart"
    ),
    path("analysis/trends/", views.TrendView.as_view(), name="analysis-trend"),
    path("analysis/trends/chart.svg", views.TrendChartView.as_view(), name="analysis-trend-chart"),
    path(
        "analysis/reporting-rates/",
        views.ReportingRatesView.as_view(),
        name="analysis-reporting-rates",
    ),
    path(
        "analysis/reporting-rates/map.svg",
        views.ReportingMapView.as_view(),
        name="analysis-reporting-map",
    ),
    path(
        "analysis/reporting-rates/chart.svg",
        views.ReportingChartView.as_view(),
        name="analysis-reporting-chart",
    ),
    path("analysis/changes/", views.StateChangesView.as_view(), name="analysis-changes"),
]
