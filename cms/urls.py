"""The site's URLs: what the installed apps declare at the root, the admin, the API and the
pages (see cms.core.plugins for `site_urlpatterns`, cms.api_root for /api/v2/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import JsonResponse
from django.urls import include, path
from django.views import defaults
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.plugins import contributions, url_patterns

# First, so that an app can stand in front of one of the admin's own views.
urlpatterns = [
    pattern
    for _app_config, patterns in contributions("site_urlpatterns")
    for pattern in url_patterns(patterns)
]
urlpatterns += [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("cms.api_root")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
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
