from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site's frame: menus, breadcrumbs, search page, sitemap, error pages."""

    name = "cms.website"
    label = "website"
    verbose_name = _("Public website")

    # Contributions to the suite (see cms.core.plugins).
    site_urlpatterns = "cms.website.urls.urlpatterns"
    demo_loader = "cms.website.demo.load"
