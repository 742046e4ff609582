"""Clause checklists from a table: one row per clause, loaded all or nothing.

Columns: `module` (a MOSAIC module code), `number` (the clause number), `theme` (optional, a
thematic area code), then the requirement per language, named by language code; the source
language's column is required, the others may be empty (the text then falls back to it).
A row names an existing clause by module and number: loading again updates it.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from cms.core.languages import UN_LANGUAGE_CODES, source_language
from cms.core.models import MosaicModule, ThematicArea

from .models import Clause

CLAUSES_FILE = Path(__file__).parent / "data" / "clauses.csv"
TEXT_LIMIT = 2000


class ClauseFileError(ValueError):
    """The file has errors; `errors` lists them as "row N, column X: reason"."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    modules: list = field(default_factory=list)


def read_rows(path):
    raw = Path(path).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(raw)))


def check_rows(rows):
    """(clean rows, errors): rows as {module, number, theme, texts}."""
    errors, clean, seen = [], [], {}
    modules = {module.code: module for module in MosaicModule.objects.source()}
    themes = {theme.code: theme for theme in ThematicArea.objects.source()}
    source = source_language()
    if not rows:
        return [], ["row 1: the file has no clause rows."]
    missing = {"module", "number", source} - set(rows[0])
    if missing:
        return [], [f"row 1, column {name}: the column is missing." for name in sorted(missing)]
    for index, row in enumerate(rows, start=2):  # row 1 is the header

        def error(column, reason, index=index):
            errors.append(f"row {index}, column {column}: {reason}")

        module_code = (row.get("module") or "").strip()
        number = (row.get("number") or "").strip()
        theme_code = (row.get("theme") or "").strip()
        if module_code not in modules:
            error("module", f"{module_code!r} is not a MOSAIC module code.")
        if not number:
            error("number", "the clause number is empty.")
        elif len(number) > 20:
            error("number", "the clause number is longer than 20 characters.")
        if theme_code and theme_code not in themes:
            error("theme", f"{theme_code!r} is not a thematic area code.")
        texts = {}
        for language in UN_LANGUAGE_CODES:
            text = " ".join((row.get(language) or "").split())
            if len(text) > TEXT_LIMIT:
                error(language, f"the text is longer than {TEXT_LIMIT} characters.")
            if text:
                texts[language] = text
        if source not in texts:
            error(source, "the requirement in the source language is empty.")
        key = (module_code, number)
        if number and key in seen:
            error("number", f"clause {module_code} {number} is already in row {seen[key]}.")
        seen.setdefault(key, index)
        clean.append(
            {
                "module": modules.get(module_code),
                "number": number,
                "theme": themes.get(theme_code),
                "texts": texts,
                "order": index,
            }
        )
    return clean, errors


@transaction.atomic
def load_clauses(path=CLAUSES_FILE):
    """Create or update the file's clauses; raise ClauseFileError (nothing written) on errors."""
    rows, errors = check_rows(read_rows(path))
    if errors:
        raise ClauseFileError(errors)
    result = LoadResult()
    source = source_language()
    for row in rows:
        texts = dict(row["texts"])
        values = {
            "text": texts.pop(source),
            "translations": texts,
            "theme": row["theme"],
            "sort_order": row["order"],
        }
        _clause, created = Clause.objects.update_or_create(
            module=row["module"], number=row["number"], defaults=values
        )
        result.created += created
        result.updated += not created
        if row["module"].code not in result.modules:
            result.modules.append(row["module"].code)
    return result
