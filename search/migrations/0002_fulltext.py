"""The full-text structure of the database backend, in each database's own terms."""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE poaiss_search_fulltext USING fts5("
    "title_terms, body_terms, tokenize = 'unicode61 remove_diacritics 0')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS poaiss_search_fulltext"
POSTGRES_CREATE = [
    "ALTER TABLE poaiss_search_indexentry ADD COLUMN search_vector tsvector",
    "CREATE INDEX poaiss_search_vector_gin ON poaiss_search_indexentry USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS poaiss_search_vector_gin",
    "ALTER TABLE poaiss_search_indexentry DROP COLUMN IF EXISTS search_vector",
]


def statements(vendor, forward):
    if vendor == "sqlite":
        return [SQLITE_CREATE if forward else SQLITE_DROP]
    if vendor == "postgresql":
        return POSTGRES_CREATE if forward else POSTGRES_DROP
    return []


def create(apps, schema_editor):
    for statement in statements(schema_editor.connection.vendor, forward=True):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in statements(schema_editor.connection.vendor, forward=False):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("poaiss_search", "0001_index")]

    operations = [migrations.RunPython(create, drop)]
