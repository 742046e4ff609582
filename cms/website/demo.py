"""Demo menus in the six languages, linking to the demo's own top-level pages."""

from wagtail.models import Locale, Site

from cms.core.languages import UN_LANGUAGE_CODES

from .models import NavigationMenu

# Sections of the home page the footer repeats, by slug.
FOOTER_SLUGS = ("about", "documentation")
API_DOCS_URL = "/api/docs/"
API_DOCS_LABELS = {
    "en": "API documentation",
    "fr": "Documentation de l'API",
    "es": "Documentación de la API",
    "ru": "Документация API",
    "ar": "وثائق واجهة برمجة التطبيقات",
    "zh-hans": "API 文档",
}


def page_link(page, locale):
    # Translations are published after the loaders' transaction commits, so they are
    # linked whether live yet or not; menus show live pages only. No label: the menu
    # shows the page's title, translated with the page.
    translation = page.get_translation_or_none(locale)
    return ("page", {"page": translation or page, "label": ""})


def menu_links(sections, locale, language):
    footer = [page_link(page, locale) for page in sections if page.slug in FOOTER_SLUGS]
    footer.append(("external", {"url": API_DOCS_URL, "label": API_DOCS_LABELS[language]}))
    return {
        NavigationMenu.Place.MAIN: [page_link(page, locale) for page in sections],
        NavigationMenu.Place.FOOTER: footer,
    }


def load(stdout=None):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    sections = list(site.root_page.get_children().live().public())
    keys = {}
    for language in UN_LANGUAGE_CODES:
        locale = Locale.objects.get(language_code=language)
        for place, links in menu_links(sections, locale, language).items():
            menu = NavigationMenu.objects.filter(place=place, locale=locale).first()
            if menu is None:
                menu = NavigationMenu(place=place, locale=locale)
                # One translation key per place: the six menus are translations of each other.
                menu.translation_key = keys.get(place, menu.translation_key)
            menu.links = links
            menu.save()
            keys.setdefault(place, menu.translation_key)
    if stdout is not None:
        stdout.write(f"menus: main and footer in {len(UN_LANGUAGE_CODES)} languages\n")
