"""The judged query set, and its stable identifiers resolved to search-document keys.

Database ids change whenever the demo is rebuilt, so judgements name documents by what
does not change:

- `page:/documentation/marking-on-import/`: the English page at that path below the home
  page; the query's language picks its translation;
- `need:<title>`, `resource:<title>`: the record with that original title (the demo finds
  its records again by title), in the query's language;
- `project:<code>`: the project with that code, in the query's language.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.apps import apps
from wagtail.models import Locale, Page, Site

from cms.core.demo import DEMO_LANGUAGE
from cms.core.languages import UN_LANGUAGE_CODES

from ..documents import PUBLIC
from ..registry import document_for_key

JUDGEMENTS_FILE = Path(__file__).parent / "judgements.yaml"
GRADES = (1, 2)


class JudgementError(Exception):
    """The judged set names something that is malformed or no longer in the database."""


@dataclass
class JudgedQuery:
    language: str
    text: str
    judgements: dict  # stable identifier -> grade

    def __str__(self):
        return f"[{self.language}] {self.text!r}"


def load(path=JUDGEMENTS_FILE, languages=None):
    """The judged queries, in file order, for the given languages (default: all six)."""
    try:
        with open(path, encoding="utf-8") as stream:
            data = yaml.safe_load(stream) or {}
    except yaml.YAMLError as error:
        raise JudgementError(f"{path.name} is not valid YAML: {error}") from None
    queries = []
    for language, entries in data.items():
        if language not in UN_LANGUAGE_CODES:
            raise JudgementError(f"{path.name}: unknown language {language!r}")
        if languages and language not in languages:
            continue
        for number, entry in enumerate(entries or [], start=1):
            where = f"{path.name}: {language} query {number}"
            if not isinstance(entry, dict) or not entry.get("query") or not entry.get("relevant"):
                raise JudgementError(f"{where}: give `query` and `relevant`")
            for identifier, grade in entry["relevant"].items():
                if grade not in GRADES:
                    raise JudgementError(
                        f"{where} ({entry['query']!r}): grade of {identifier} must be 1 or 2"
                    )
            queries.append(JudgedQuery(language, str(entry["query"]), dict(entry["relevant"])))
    return queries


class Resolver:
    """Turns stable identifiers into the keys the search index gives its documents."""

    def __init__(self):
        self._english_root = None

    def key(self, identifier, language):
        source, _sep, name = identifier.partition(":")
        methods = {
            "page": self._page,
            "need": self._need,
            "resource": self._resource,
            "project": self._project,
        }
        method = methods.get(source)
        if method is None or not name:
            raise JudgementError(
                f"{identifier!r} is not one of page:/path/, need:<title>, resource:<title>, "
                "project:<code>"
            )
        key = method(name, language)
        # What the index would hold for it now: none when unpublished, restricted or untranslated.
        document = document_for_key(key)
        if document is None or document.language != language:
            raise JudgementError(f"{identifier!r} has no {language} document in the search index")
        if document.visibility != PUBLIC:
            raise JudgementError(f"{identifier!r} is not public: anonymous searches cannot find it")
        return key

    def keys(self, query):
        """{index key: grade} of a judged query; JudgementError names the query if any fails."""
        resolved = {}
        for identifier, grade in query.judgements.items():
            try:
                resolved[self.key(identifier, query.language)] = grade
            except JudgementError as error:
                raise JudgementError(f"Query {query}: {error}") from None
        return resolved

    def english_root(self):
        if self._english_root is None:
            root = Site.objects.get(is_default_site=True).root_page
            source = Locale.objects.get(language_code=DEMO_LANGUAGE)
            self._english_root = root.get_translation(source)
        return self._english_root

    def _page(self, path, language):
        relative = path.strip("/")
        url_path = self.english_root().url_path + (f"{relative}/" if relative else "")
        english = Page.objects.filter(url_path=url_path, locale__language_code=DEMO_LANGUAGE)
        english = english.first()
        if english is None:
            raise JudgementError(f"no English page at {path!r}")
        page = Page.objects.filter(
            translation_key=english.translation_key, locale__language_code=language
        ).first()
        if page is None:
            raise JudgementError(f"page {path!r} has no {language} translation")
        return f"page:{page.pk}"

    def _record(self, model_label, source, lookup):
        record = apps.get_model(model_label).objects.filter(**lookup).first()
        if record is None:
            raise JudgementError(f"no {source} with {lookup}")
        return record.pk

    def _need(self, title, language):
        return f"need:{self._record('assistance.Need', 'need', {'title': title})}:{language}"

    def _resource(self, title, language):
        pk = self._record("assistance.Resource", "resource", {"title": title})
        return f"resource:{pk}:{language}"

    def _project(self, code, language):
        pk = self._record("assistance.Project", "project", {"code": code})
        return f"project:{pk}:{language}"
