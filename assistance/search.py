"""Needs, resources and projects in the search index, one document per language they exist in.

Keys are "<source>:<id>:<language>". A need is public once published with the State's
consent; before that only the secretariat finds it. Draft resources are the secretariat's too.
"""

from cms.core.languages import UN_LANGUAGE_CODES
from search.documents import PUBLIC, SECRETARIAT, SearchDocument
from search.registry import SearchProvider

from .models import Need, Project, Resource


def country_regions(country):
    return [
        region.code
        for region in (country.region, country.sub_region, country.intermediate_region)
        if region is not None
    ]


class TranslatedRecordProvider(SearchProvider):
    model = None
    kind = ""
    related = ()

    def queryset(self):
        return self.model.objects.select_related(*self.related).prefetch_related("themes")

    def visibility(self, record):
        return PUBLIC

    def facets(self, record):
        return {}

    @staticmethod
    def languages(record):
        languages = {record.original_language}
        languages.update(
            code for code, texts in (record.translations or {}).items() if texts.get("title")
        )
        return [code for code in UN_LANGUAGE_CODES if code in languages]

    def document(self, record, language):
        visibility = self.visibility(record)
        if visibility is None or language not in self.languages(record):
            return None
        served, texts = record.in_language(language)
        facets = self.facets(record)
        return SearchDocument(
            key=f"{self.prefix}:{record.pk}:{language}",
            kind=self.kind,
            language=served,
            title=texts["title"],
            body=texts["description"],
            url=f"/api/v2/{self.prefix}s/{record.pk}/?locale={language}",
            visibility=visibility,
            year=facets.get("year"),
            themes=sorted(theme.code for theme in record.themes.all()),
            countries=facets.get("countries", []),
            regions=facets.get("regions", []),
            reference={"type": self.prefix, "id": record.pk},
        )

    def document_for(self, object_id):
        pk, _sep, language = object_id.partition(":")
        record = self.queryset().filter(pk=pk).first()
        return self.document(record, language) if record else None

    def all_documents(self):
        for record in self.queryset().iterator(chunk_size=200):
            for language in self.languages(record):
                document = self.document(record, language)
                if document is not None:
                    yield document

    def count_by_language(self):
        counts = {}
        for record in self.queryset():
            if self.visibility(record) is not None:
                for language in self.languages(record):
                    counts[language] = counts.get(language, 0) + 1
        return counts

    def keys(self, record):
        return [f"{self.prefix}:{record.pk}:{language}" for language in UN_LANGUAGE_CODES]


class NeedProvider(TranslatedRecordProvider):
    model, prefix, kind = Need, "need", "need"
    related = ("country__region", "country__sub_region", "country__intermediate_region")

    def visibility(self, need):
        return PUBLIC if need.is_public else SECRETARIAT

    def facets(self, need):
        return {
            "countries": [need.country.code],
            "regions": country_regions(need.country),
            "year": need.start_date.year if need.start_date else need.created_at.year,
        }


class ResourceProvider(TranslatedRecordProvider):
    model, prefix, kind = Resource, "resource", "resource"

    def visibility(self, resource):
        return SECRETARIAT if resource.status == Resource.Status.DRAFT else PUBLIC


class ProjectProvider(TranslatedRecordProvider):
    model, prefix, kind = Project, "project", "project"

    def facets(self, project):
        return {
            "countries": sorted(country.code for country in project.focus_countries.all()),
            "year": project.start_date.year if project.start_date else None,
        }


PROVIDERS = {Need: NeedProvider(), Resource: ResourceProvider(), Project: ProjectProvider()}


def on_record_changed(sender, instance, **kwargs):
    from search.sync import schedule

    schedule(PROVIDERS[sender].keys(instance))


def connect():
    """Keep the index in step with the records (the providers are declared in AssistanceConfig)."""
    from django.db.models.signals import post_delete, post_save

    for model in PROVIDERS:
        for signal in (post_save, post_delete):
            signal.connect(
                on_record_changed,
                sender=model,
                dispatch_uid=f"search-{model.__name__}-{signal is post_save}",
            )
