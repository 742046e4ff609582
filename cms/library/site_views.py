"""The public country pages: the reporting States by region, and each country's profile as
the API builds it (`profiles.build_profile`, with the viewer as user)."""

from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cms.core.models import Country, Region
from cms.core.states import active_language, name_sort_key

from .models import NationalReportPage
from .profiles import build_profile


def site_url(name, *args, query=""):
    """The URL of another app's public page, or None when that app is not installed."""
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


class CountryListView(TemplateView):
    """/<language>/countries/: the reporting States, by region."""

    template_name = "library/site/countries.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = active_language()
        states = Country.objects.reporting_states()
        names = states.names(language)
        region_names = Region.objects.names(language)
        regions = {}
        for code, region in states.source().values_list("code", "region__code"):
            regions.setdefault(region, []).append(
                {"code": code, "name": names[code], "url": reverse("site-country", args=[code])}
            )
        context["regions"] = sorted(
            (
                {
                    "code": code or "",
                    "name": region_names.get(code) or _("Other"),
                    "countries": sorted(countries, key=lambda c: name_sort_key(c["name"])),
                }
                for code, countries in regions.items()
            ),
            key=lambda region: name_sort_key(region["name"]),
        )
        return context


class CountryPageView(TemplateView):
    """/<language>/countries/<code>/: the profile the API serves, with links to the pages."""

    template_name = "library/site/country.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = active_language()
        code = kwargs["code"].upper()
        try:
            country = Country.objects.by_code(code, language)
        except Country.DoesNotExist:
            raise Http404(_("No country has the code %(code)r.") % {"code": code}) from None
        user = self.request.user if self.request.user.is_authenticated else None
        with translation.override(language):
            sections = build_profile(code, language, user)
        report_ids = {
            entry["report_id"]
            for section in sections
            if section["name"] == "reports"
            for entry in section["data"].get("timeline", [])
        }
        report_urls = {
            report.pk: report.url
            for report in NationalReportPage.objects.live().public().filter(pk__in=report_ids)
        }
        for section in sections:
            if section["name"] == "reports":
                for entry in section["data"].get("timeline", []):
                    entry["url"] = report_urls.get(entry["report_id"])
            elif section["name"] in ("needs", "projects"):
                for entry in section["data"]:
                    entry["url"] = site_url(f"site-{section['name'][:-1]}", entry["id"])
        query = f"?country={code}"
        context.update(
            country=country,
            sections=sections,
            links=[
                (label, url)
                for label, url in (
                    (_("Assistance needs"), site_url("site-needs", query=query)),
                    (_("Projects"), site_url("site-projects", query=query)),
                    (_("Resources open to this country"), site_url("site-resources", query=query)),
                )
                if url
            ],
            countries_url=reverse("site-countries"),
        )
        return context
