"""The public site's own views. Search goes through `search.service`, as the API's does."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from search import service
from search.api import SearchParameters

from . import sitemaps
from .facets import facet_groups, hit_items, kind_labels
from .pagination import page_links

SEARCH_PAGE_SIZE = 10


class SearchPageView(TemplateView):
    """/<language>/search/?q=…: the API's parameters, service and visibility rules, as HTML."""

    template_name = "website/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.setdefault("page_size", str(SEARCH_PAGE_SIZE))
        query["locale"] = get_language()
        parameters = SearchParameters(data=query)
        context["query"] = self.request.GET.get("q", "").strip()
        if not context["query"]:
            return context
        if not parameters.is_valid():
            context["errors"] = [
                message for messages in parameters.errors.values() for message in messages
            ]
            return context
        data = parameters.validated_data
        results = service.search(
            self.request.user, data["q"], data["locale"], **parameters.filters()
        )
        context.update(
            results=results,
            hits=hit_items(results.hits, kind_labels()),
            facets=facet_groups(self.request.GET, results.facets, data["locale"]),
            pages=page_links(self.request.GET, data["page"], data["page_size"], results.total),
        )
        return context


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap(request):
    return HttpResponse(sitemaps.render(request), content_type="application/xml; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def robots(request):
    sitemap_url = request.build_absolute_uri(reverse("site-sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Draft previews and the machine API are not for crawlers; /api/docs/ may be.
        "Disallow: /api/v2/",
        "Disallow: /api/schema/",
        # Result pages are endless combinations of the same content.
        *(f"Disallow: /{code}/search/" for code in sitemaps.language_codes()),
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    # Browsers that ask for /favicon.ico accept the SVG icon in its place.
    return redirect(static("website/favicon.svg"), permanent=True)
