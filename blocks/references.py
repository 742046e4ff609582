"""References to taxonomy snippets, served in the language the API request asks for."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock


def language_of(context):
    """The language the API request asks for, or None when it names none.

    The API negotiates it (`?locale=`, then Accept-Language) and hands it down in the
    serializer context under "language"; blocks take it from there and know nothing of how.
    """
    return (context or {}).get("language")


def localized(instance, language):
    """The term in `language`, else its source-language row: (row, is_fallback).

    The term's own manager decides the fallback, so blocks need not know the languages.
    """
    if not language or instance.locale.language_code == language:
        return instance, False
    try:
        row = type(instance).objects.by_code(instance.code, language)
    except type(instance).DoesNotExist:
        return instance, True
    return row, row.locale.language_code != language


def term_representation(term, context):
    if term is None:
        return None
    row, is_fallback = localized(term, language_of(context))
    return {
        "id": row.pk,
        "code": row.code,
        "name": row.name,
        "locale": row.locale.language_code,
        "is_fallback": is_fallback,
    }


class TermReferenceBlock(SnippetChooserBlock):
    """A taxonomy term; wagtail-localize points each translation at the term's translation."""

    def get_api_representation(self, value, context=None):
        return term_representation(value, context)


class CountryReferenceBlock(TermReferenceBlock):
    def __init__(self, **kwargs):
        super().__init__("core.Country", **kwargs)

    class Meta:
        icon = "site"
        label = _("Country")
        template = "blocks/term_reference.html"


class ThematicAreaReferenceBlock(TermReferenceBlock):
    def __init__(self, **kwargs):
        super().__init__("core.ThematicArea", **kwargs)

    class Meta:
        icon = "tag"
        label = _("Thematic area")
        template = "blocks/term_reference.html"
