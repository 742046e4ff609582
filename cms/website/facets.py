"""What the search page shows of the service's answer: labelled facets and hits."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models

from cms.core.models import Country, ThematicArea
from search import registry
from search.pages import search_kind

# Facet of the service's answer, the API parameter that filters on it, its heading.
FACETS = (
    ("kind", "type", _("Type of content")),
    ("theme", "theme", _("Thematic area")),
    ("country", "country", _("Country")),
    ("year", "year", _("Year")),
)
# The API's own page parameters: a new filter starts again from the first page.
NOT_KEPT = ("page",)


@dataclass
class FacetValue:
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetGroup:
    parameter: str
    heading: str
    values: list


def kind_labels():
    """{kind: name} of what the index holds, from the models' own verbose names."""
    labels = {search_kind(model): model._meta.verbose_name for model in get_page_models()}
    for provider in registry.providers():
        model, kind = getattr(provider, "model", None), getattr(provider, "kind", None)
        if model is not None and kind:
            labels[kind] = model._meta.verbose_name
    labels.setdefault("question", _("question"))
    return labels


def toggled(query, parameter, value):
    """The query string with `value` added to, or taken from, `parameter`'s list."""
    query = query.copy()
    for name in NOT_KEPT:
        query.pop(name, None)
    values = [item for item in query.get(parameter, "").split(",") if item]
    values = [item for item in values if item != value] if value in values else [*values, value]
    if values:
        query[parameter] = ",".join(values)
    else:
        query.pop(parameter, None)
    return "?" + query.urlencode()


def value_labels(name, codes, language):
    if name == "kind":
        labels = kind_labels()
        return {code: str(labels.get(code, code.replace("_", " "))).capitalize() for code in codes}
    if name == "theme":
        return ThematicArea.objects.names(language, codes)
    if name == "country":
        return Country.objects.names(language, codes)
    return {code: code for code in codes}


def facet_groups(query, facets, language):
    groups = []
    for name, parameter, heading in FACETS:
        counts = facets.get(name) or {}
        if not counts:
            continue
        selected = {item for item in query.get(parameter, "").split(",") if item}
        # Years come back as numbers from some backends; filters are strings.
        counts = {str(code): count for code, count in counts.items()}
        labels = value_labels(name, list(counts), language)
        values = [
            FacetValue(
                label=labels.get(code, code),
                count=count,
                selected=code in selected,
                url=toggled(query, parameter, code),
            )
            for code, count in counts.items()
        ]
        values.sort(key=lambda value: (-value.count, str(value.label)))
        groups.append(FacetGroup(parameter=parameter, heading=heading, values=values))
    return groups


def hit_items(hits, labels):
    """Hits with a readable kind; only links meant for people (not API addresses) are kept."""
    return [
        {
            "title": hit.title,
            "url": "" if hit.url.startswith("/api/") else hit.url,
            "snippet": hit.snippet,
            "kind": str(labels.get(hit.kind, hit.kind.replace("_", " "))).capitalize(),
            "language": hit.language,
        }
        for hit in hits
    ]
