"""Names of taxonomy terms in a language, looked up by their stable codes."""

from django.conf import settings


def term_names(model, language):
    """{code: name} in `language`, in English where a term lacks a translation."""
    names = dict(
        model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "code", "name"
        )
    )
    names.update(model.objects.filter(locale__language_code=language).values_list("code", "name"))
    return names
