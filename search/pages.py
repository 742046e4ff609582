"""Wagtail pages as search documents: live, unrestricted pages in every locale.

The text is what each page type declares in its Wagtail `search_fields`, StreamFields
flattened with their blocks' own `get_searchable_content`, so a new page type is indexed
without code here. A page type adds facets with a `search_facets()` method returning any
of `themes`, `countries`, `regions` (lists of codes) and `year`.
"""

import re

from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .documents import PUBLIC, SearchDocument
from .registry import SearchProvider


def restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_restricted(page, paths):
    return any(page.path.startswith(path) for path in paths)


def field_text(instance, name):
    value = getattr(instance, name, None)
    if value is None:
        return []
    if callable(value):
        value = value()
    model_field = next((f for f in instance._meta.get_fields() if f.name == name), None)
    if isinstance(model_field, StreamField):
        return [text for text in model_field.get_searchable_content(value) if text]
    if isinstance(model_field, RichTextField):
        return [strip_tags(value)]
    return [str(value)] if value != "" else []


def searchable_text(instance, search_fields):
    texts = []
    for search_field in search_fields:
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            texts.extend(field_text(instance, search_field.field_name))
        elif isinstance(search_field, index.RelatedFields):
            related = getattr(instance, search_field.field_name)
            items = related.all() if hasattr(related, "all") else [related] if related else []
            for item in items:
                texts.extend(searchable_text(item, search_field.fields))
    return texts


def search_kind(page_class):
    """ "national_report" for NationalReportPage, unless the class names its own kind."""
    if getattr(page_class, "search_kind", None):
        return page_class.search_kind
    name = page_class.__name__.removesuffix("Page") or page_class.__name__
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def page_document(page):
    facets = page.search_facets() if hasattr(page, "search_facets") else {}
    return SearchDocument(
        key=f"page:{page.pk}",
        kind=search_kind(type(page)),
        language=page.locale.language_code,
        title=page.title,
        body="\n".join(searchable_text(page, page.search_fields)),
        url=page.get_url() or "",
        visibility=PUBLIC,
        year=facets.get("year"),
        themes=list(facets.get("themes", [])),
        countries=list(facets.get("countries", [])),
        regions=list(facets.get("regions", [])),
        reference={"type": "page", "id": page.pk, "page_type": page.specific_class._meta.label},
    )


class PageProvider(SearchProvider):
    prefix = "page"

    def indexable(self):
        return Page.objects.live().filter(depth__gt=1).select_related("locale")

    def document_for(self, object_id):
        page = self.indexable().filter(pk=object_id).first()
        if page is None or is_restricted(page, restricted_paths()):
            return None
        return page_document(page.specific)

    def all_documents(self):
        paths = restricted_paths()
        for page in self.indexable().specific().iterator(chunk_size=200):
            if not is_restricted(page, paths):
                yield page_document(page)

    def count_by_language(self):
        paths = restricted_paths()
        counts = {}
        for path, language in self.indexable().values_list("path", "locale__language_code"):
            if not any(path.startswith(restricted) for restricted in paths):
                counts[language] = counts.get(language, 0) + 1
        return counts
