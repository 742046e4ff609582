from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from . import admin_guard, site_views, views

app_name = "library"

urlpatterns = [
    path("files/<int:document_id>/", views.report_file, name="report-file"),
]

# At the site root (LibraryConfig.site_urlpatterns): the admin's page views go through the
# report guard before Wagtail's, and report files are served under the documents' address.
site_urlpatterns = [
    path("admin/pages/<int:page_id>/", admin_guard.page_admin_view),
    path("admin/pages/<int:page_id>/<path:rest>", admin_guard.page_admin_view),
    path("admin/reports/site-history/", admin_guard.site_history),
    path("admin/reports/site-history/results/", admin_guard.site_history_results),
    path("admin/pages/search/", admin_guard.page_search_view),
    path("admin/pages/search/<path:rest>", admin_guard.page_search_view),
    path("documents/national-reports/", include((urlpatterns, app_name))),
    # The public country pages, under a language prefix.
    *i18n_patterns(
        path("countries/", site_views.CountryListView.as_view(), name="site-countries"),
        path("countries/<str:code>/", site_views.CountryPageView.as_view(), name="site-country"),
        prefix_default_language=True,
    ),
]
