from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import JsonResponse
from django.urls import include, path
from django.views import defaults
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.views import health
from cms.library import admin_guard as library_admin_guard

urlpatterns = [
    path("admin/pages/<int:page_id>/<path:rest>", library_admin_guard.page_admin_view),
    path("admin/pages/search/", library_admin_guard.page_search_view),
    path("admin/pages/search/<path:rest>", library_admin_guard.page_search_view),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/national-reports/", include("cms.library.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("cms.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", health, name="health"),
    path("certificates/", include("cms.learning.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages are served under a language prefix: /en/, /fr/, /es/, /ru/, /ar/, /zh-hans/.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)


def page_not_found(request, exception):
    """API clients get their 404 as JSON in the API's error shape; people get the HTML page."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"message": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


handler404 = page_not_found
