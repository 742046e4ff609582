"""The database backend's index: one entry per document, its facet values beside it.

The full-text structure itself depends on the database: an FTS5 table on SQLite and a
`tsvector` column with a GIN index on PostgreSQL, both created by migration 0002.
"""

from django.db import models

from .documents import VISIBILITIES


class IndexEntry(models.Model):
    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=60, db_index=True)
    language = models.CharField(max_length=7, db_index=True)
    visibility = models.CharField(
        max_length=12, choices=[(v, v) for v in VISIBILITIES], db_index=True
    )
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    reference = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Covers the facet counts of the matching entries: kind, language and year are read
        # from the index, not from rows whose long bodies span several pages.
        indexes = [
            models.Index(
                fields=["language", "visibility", "kind", "year"], name="poaiss_search_entry_facets"
            )
        ]

    def __str__(self):
        return self.key


class IndexFacet(models.Model):
    """One value of a multi-valued facet (theme, country, region) of an entry."""

    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=20)
    value = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["name", "value"])]
        constraints = [
            # Also the covering index through which facet counts join the matching entries.
            models.UniqueConstraint(
                fields=["entry", "name", "value"], name="poaiss_search_facet_once_per_entry"
            )
        ]

    def __str__(self):
        return f"{self.name}={self.value}"
