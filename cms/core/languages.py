"""The six UN languages, the source language, and how a language falls back to it.

The source language is the deployment's default language: `settings.LANGUAGE_CODE`, set
from the `DEFAULT_LANGUAGE` environment variable. It is read at call time, never copied into
a constant, so that one setting decides it everywhere. It is also wagtail-localize's source
locale (`Locale.get_default()` is the locale of `LANGUAGE_CODE`), so content, taxonomy terms
and interface fall back to the same language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language_info


@dataclass(frozen=True)
class Language:
    code: str  # Django/Wagtail code
    label: str  # the language's name in itself
    babel: str  # CLDR (Babel) locale identifier
    bidi: bool = False


# In the UN order of precedence used across the suite.
UN_LANGUAGES = (
    Language("en", "English", "en"),
    Language("fr", "Français", "fr"),
    Language("es", "Español", "es"),
    Language("ru", "Русский", "ru"),
    Language("ar", "العربية", "ar", bidi=True),
    Language("zh-hans", "中文", "zh_Hans"),
)
UN_LANGUAGE_CODES = [language.code for language in UN_LANGUAGES]
LANGUAGE_CHOICES = [(language.code, language.label) for language in UN_LANGUAGES]
BABEL_LOCALES = {language.code: language.babel for language in UN_LANGUAGES}
_BY_CODE = {language.code: language for language in UN_LANGUAGES}


def source_language():
    """The code of the language content is written in first and falls back to."""
    return settings.LANGUAGE_CODE


def is_right_to_left(language_code):
    language = _BY_CODE.get(language_code)
    return language.bidi if language else get_language_info(language_code)["bidi"]


def fallback_chain(language, source=None):
    """The languages to try, best first: `language`, then `source` (the source language)."""
    source = source or source_language()
    return [language, source] if language and language != source else [source]


def pick_translation(translations, language, source=None):
    """(language served, value) from `translations` ({code: value}), following the chain.

    None when `translations` has neither the language nor its fallback.
    """
    for code in fallback_chain(language, source):
        if code in translations:
            return code, translations[code]
    return None


def profile_language(user):
    """The language a user chose in their profile, or None."""
    profile = getattr(user, "poaiss_profile", None)
    return getattr(profile, "preferred_language", None) or None


def preferred_language(user) -> str:
    """The language to write to a user in: their profile's, else the source language."""
    return profile_language(user) or source_language()


# Locales are created by migrations and almost never change: keep them per process.
_locales_by_id = {}


def _load_locales():
    from wagtail.models import Locale

    _locales_by_id.clear()
    _locales_by_id.update({locale.pk: locale for locale in Locale.objects.all()})


def locale_by_id(locale_id):
    """The Locale with this id, from a per-process map refreshed on a miss."""
    if locale_id not in _locales_by_id:
        _load_locales()
    return _locales_by_id[locale_id]


def locale_id(language_code):
    """The id of the Locale of `language_code` (None when there is none), per process."""
    for _attempt in range(2):
        for pk, locale in _locales_by_id.items():
            if locale.language_code == language_code:
                return pk
        _load_locales()
    return None


def source_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code=source_language())


def with_fallback(queryset, language, live_only=False):
    """Rows in `language`, plus source-language rows that have no such translation yet.

    Locales are compared by id, not through a join on their language code, so that Wagtail's
    search, which filters on indexed fields only (`locale`, `translation_key`), accepts it.
    """
    source, *others = reversed(fallback_chain(language))
    if not others:
        return queryset.filter(locale_id=locale_id(source))
    requested = locale_id(language)
    translated = queryset.model._default_manager.filter(locale_id=requested)
    if live_only:
        translated = translated.filter(live=True)
    return queryset.filter(
        Q(locale_id=requested)
        | (
            Q(locale_id=locale_id(source))
            & ~Q(translation_key__in=translated.values("translation_key"))
        )
    )
