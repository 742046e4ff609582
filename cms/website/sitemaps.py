"""sitemap.xml: every live public page in every language, with its translations as alternates.

Written here rather than with django.contrib.sitemaps, whose i18n mode assumes every item
exists in every language; a page's translations are whatever wagtail-localize published.
"""

from collections import defaultdict

from django.template.loader import render_to_string
from wagtail.models import Locale, Page, Site

from cms.core.languages import UN_LANGUAGE_CODES, source_language


def language_codes():
    return list(UN_LANGUAGE_CODES)


def public_pages(root):
    """Live pages under `root` (itself included) that no view restriction hides."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .select_related("locale")
        .order_by("path")
    )


def entries(request):
    """[{"url", "lastmod", "alternates": [(hreflang, url)]}] for every page of every site's tree.

    A page's translations sit in their own trees under the root, one per locale: every
    site root's translations are walked, so each language's pages are listed.
    """
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = [page for root in roots for page in public_pages(root)]
    by_key = defaultdict(dict)
    urls = {}
    for page in pages:
        url = page.get_url(request=request)
        if not url:
            continue
        urls[page.pk] = request.build_absolute_uri(url)
        by_key[page.translation_key][page.locale.language_code] = urls[page.pk]
    default_code = Locale.get_default().language_code or source_language()
    result = []
    for page in pages:
        if page.pk not in urls:
            continue
        translations = by_key[page.translation_key]
        alternates = [
            (code, translations[code]) for code in UN_LANGUAGE_CODES if code in translations
        ]
        if default_code in translations:
            alternates.append(("x-default", translations[default_code]))
        result.append(
            {
                "url": urls[page.pk],
                "lastmod": page.last_published_at,
                "alternates": alternates,
            }
        )
    return result


def render(request):
    return render_to_string("website/sitemap.xml", {"entries": entries(request)})
