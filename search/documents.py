"""What the search service indexes: one flat document per object and language."""

from dataclasses import dataclass, field
from typing import Literal

PUBLIC, MEMBERS, SECRETARIAT = "public", "members", "secretariat"
VISIBILITIES = (PUBLIC, MEMBERS, SECRETARIAT)
FACETS = ("kind", "language", "theme", "country", "region", "year")

Visibility = Literal["public", "members", "secretariat"]


@dataclass
class SearchDocument:
    key: str  # "<source>:<id>", e.g. "page:12"; the unit of (re)indexing
    kind: str  # what a user filters on: "documentation", "national_report", "need", ...
    language: str  # Wagtail language code, e.g. "zh-hans"
    title: str
    body: str = ""
    url: str = ""
    visibility: Visibility = PUBLIC
    year: int | None = None
    themes: list[str] = field(default_factory=list)  # thematic-area codes
    countries: list[str] = field(default_factory=list)  # ISO alpha-2 codes
    regions: list[str] = field(default_factory=list)  # M49 codes
    reference: dict = field(default_factory=dict)  # how an API client fetches the object


@dataclass
class SearchQuery:
    text: str
    languages: list[str]  # the languages searched (one, or all six)
    visibilities: list[str]  # what the asking user may see
    kinds: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    offset: int = 0
    limit: int = 20


@dataclass
class SearchHit:
    key: str
    kind: str
    language: str
    title: str
    url: str
    snippet: str
    score: float
    reference: dict


@dataclass
class SearchResults:
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None
