"""The frame every public page shares: menus, breadcrumbs, language links, Open Graph."""

from django import template
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from cms.core.languages import UN_LANGUAGES, source_language

from ..models import NavigationMenu

register = template.Library()

# Open Graph wants language_TERRITORY; these are the usual ones for each language.
OPEN_GRAPH_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "es": "es_ES",
    "ru": "ru_RU",
    "ar": "ar_AR",
    "zh-hans": "zh_CN",
}


@register.simple_tag
def navigation_menu(place):
    """[(label, url)] of the menu of `place` in the active language."""
    menu = NavigationMenu.for_place(place)
    return menu.items() if menu else []


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The page's live, public ancestors from its language's home page down (none off pages)."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors().live().public().filter(depth__gt=1))


@register.simple_tag(takes_context=True)
def language_links(context):
    """[{code, label, url, current}]: the same page in each language it is published in.

    A page links to its live translations; any other view to the same path in each
    language (i18n routes). The query string is kept either way, so that a filtered listing
    (the world overview, the library) stays filtered in the other language.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page):
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
        }
        query = request.META.get("QUERY_STRING", "") if request is not None else ""
        urls = {
            code: f"{translation.url}?{query}" if query else translation.url
            for code, translation in translations.items()
        }
    elif request is not None:
        path = request.get_full_path()
        urls = {language.code: translate_url(path, language.code) for language in UN_LANGUAGES}
        # A view outside the language-prefixed routes has no other language to offer.
        urls = {
            code: url for code, url in urls.items() if code == current or url != urls.get(current)
        }
    else:
        urls = {}
    return [
        {
            "code": language.code,
            "label": language.label,
            "url": urls[language.code],
            "current": language.code == current,
        }
        for language in UN_LANGUAGES
        if urls.get(language.code)
    ]


@register.simple_tag
def open_graph_locale(code=None):
    return OPEN_GRAPH_LOCALES.get(code or get_language(), "en_GB")


@register.simple_tag(takes_context=True)
def home_url(context):
    """The site's home page in the active language, else the home page itself."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return "/"
    home = site.root_page.get_translation_or_none(Locale.get_active())
    home = home if home is not None and home.live else site.root_page
    return home.get_url(request=request) or "/"


@register.simple_tag
def source_language_code():
    """The default language, which `x-default` alternates point at."""
    return source_language()
