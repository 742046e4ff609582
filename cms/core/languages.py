"""The six official UN languages and the helpers that map them to other code systems."""

from django.utils.translation import get_language_info

# Django/Wagtail codes, in UN order of precedence used across the suite.
UN_LANGUAGE_CODES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
SOURCE_LANGUAGE = "en"

# CLDR (Babel) locale identifiers for the same languages.
BABEL_LOCALES = {
    "en": "en",
    "fr": "fr",
    "es": "es",
    "ru": "ru",
    "ar": "ar",
    "zh-hans": "zh_Hans",
}


def is_right_to_left(language_code):
    return get_language_info(language_code)["bidi"]
