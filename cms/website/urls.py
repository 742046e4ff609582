"""The site frame's routes: files at the root, the search page under a language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from . import views

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="site-sitemap"),
    path("robots.txt", views.robots, name="site-robots"),
    path("favicon.ico", views.favicon, name="site-favicon"),
    # Ahead of Wagtail's catch-all: /<language>/search/ is this view, not a page's slug.
    *i18n_patterns(
        path("search/", views.SearchPageView.as_view(), name="site-search"),
        prefix_default_language=True,
    ),
]
