"""Serve the requested language, fall back to the source language, and say which one it is."""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale, Page

# Locales are created by migrations and almost never change: keep them per process.
_locales_by_id = {}


def locale_by_id(locale_id):
    """The Locale with this id, from a per-process map refreshed on a miss."""
    if locale_id not in _locales_by_id:
        _locales_by_id.clear()
        _locales_by_id.update({locale.pk: locale for locale in Locale.objects.all()})
    return _locales_by_id[locale_id]


def locale_id(language_code):
    """The id of the Locale of `language_code` (None when there is none), per process."""
    for locale_pk, locale in _locales_by_id.items():
        if locale.language_code == language_code:
            return locale_pk
    _locales_by_id.clear()
    _locales_by_id.update({locale.pk: locale for locale in Locale.objects.all()})
    return next(
        (pk for pk, locale in _locales_by_id.items() if locale.language_code == language_code),
        None,
    )


def with_fallback(queryset, language_code, live_only=False):
    """Rows in `language_code`, plus source-language rows that have no such translation yet.

    Locales are compared by id, not through a join on their language code, so that Wagtail's
    search, which filters on indexed fields only (`locale`, `translation_key`), accepts it.
    """
    source = locale_id(settings.LANGUAGE_CODE)
    requested = locale_id(language_code)
    if language_code == settings.LANGUAGE_CODE:
        return queryset.filter(locale_id=source)
    translated = queryset.model._default_manager.filter(locale_id=requested)
    if live_only:
        translated = translated.filter(live=True)
    return queryset.filter(
        Q(locale_id=requested)
        | (Q(locale_id=source) & ~Q(translation_key__in=translated.values("translation_key")))
    )


def page_translations(pages, is_visible, fields=()):
    """Map translation_key -> [(language code, page)] of the pages `is_visible` lets through.

    One query on the indexed translation key; visibility is decided in Python by the caller,
    which spares the database the page tree conditions.
    """
    keys = {page.translation_key for page in pages}
    found = {}
    if not keys:
        return found
    rows = (
        Page.objects.filter(translation_key__in=keys)
        .only("pk", "translation_key", "locale_id", "live", "path", *fields)
        .order_by()
    )
    visible = []
    for row in rows:
        if is_visible(row):
            row.locale = locale_by_id(row.locale_id)
            visible.append(row)
    visible.sort(key=lambda row: row.locale.language_code)
    for row in visible:
        found.setdefault(row.translation_key, []).append((row.locale.language_code, row))
    return found


def available_translations(visible, objects, fields=()):
    """Map translation_key -> [(language code, object)] among `visible`, in one query.

    Only the key, the locale and `fields` are loaded: enough to link to each translation.
    """
    keys = {obj.translation_key for obj in objects}
    found = {}
    if not keys:
        return found
    rows = (
        visible.filter(translation_key__in=keys)
        .select_related(None)
        .select_related("locale")
        .only("pk", "translation_key", "locale__language_code", *fields)
        .order_by("locale__language_code")
    )
    for row in rows:
        found.setdefault(row.translation_key, []).append((row.locale.language_code, row))
    return found
