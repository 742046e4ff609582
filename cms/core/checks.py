"""System checks for configuration that settings cannot validate on their own."""

from django.conf import settings
from django.core.checks import Error, register
from django.utils.translation import get_language_info

from .languages import UN_LANGUAGE_CODES


@register()
def check_content_languages(app_configs, **kwargs):
    errors = []
    for setting_name in ("LANGUAGES", "WAGTAIL_CONTENT_LANGUAGES"):
        codes = [code for code, _name in getattr(settings, setting_name)]
        for code in codes:
            try:
                get_language_info(code)
            except KeyError:
                errors.append(
                    Error(
                        f"{setting_name} names {code!r}, which Django does not know as a language.",
                        id="poaiss.E001",
                    )
                )
        missing = sorted(set(UN_LANGUAGE_CODES) - set(codes))
        if missing:
            errors.append(
                Error(
                    f"{setting_name} lacks the UN language(s) {', '.join(missing)}.",
                    id="poaiss.E002",
                )
            )
    return errors
