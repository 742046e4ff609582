"""/api/v2/: the endpoints every installed app declares on its AppConfig, under one root.

`api_urlpatterns` come first, in INSTALLED_APPS order; then the one router holding every
app's `api_routes`. Nothing here names an app: removing one from INSTALLED_APPS removes its
endpoints (see cms.core.plugins).
"""

from django.urls import include, path
from django.utils.module_loading import import_string
from rest_framework.routers import SimpleRouter

from cms.core.plugins import contributions, url_patterns

router = SimpleRouter()
for _app_config, routes in contributions("api_routes"):
    for prefix, viewset, basename in routes:
        if isinstance(viewset, str):
            viewset = import_string(viewset)
        router.register(prefix, viewset, basename=basename)

urlpatterns = []
for _app_config, patterns in contributions("api_urlpatterns"):
    urlpatterns += url_patterns(patterns)
urlpatterns.append(path("", include(router.urls)))
