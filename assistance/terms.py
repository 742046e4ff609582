"""Taxonomy terms by code: the source-language rows records point at, names in any language."""

from django.conf import settings
from wagtail.models import Locale


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def source_terms(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def term(model, code):
    return source_terms(model).get(code=code)


def terms(model, codes):
    """The rows of these codes; raises LookupError naming the codes that do not exist."""
    codes = list(dict.fromkeys(codes))
    found = {row.code: row for row in source_terms(model).filter(code__in=codes)}
    missing = [code for code in codes if code not in found]
    if missing:
        raise LookupError(", ".join(missing))
    return [found[code] for code in codes]


def names(model, language):
    """{code: name} in the language, English where a term has no translation."""
    result = dict(source_terms(model).values_list("code", "name"))
    result.update(model.objects.filter(locale__language_code=language).values_list("code", "name"))
    return result
