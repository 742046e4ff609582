"""Judged queries run through the search service, as an anonymous visitor of the API."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from .. import service
from .judged import Resolver
from .metrics import mean, ndcg_at, recall_at, reciprocal_rank

# Deep enough to see a relevant document below the first page (its reciprocal rank still
# counts); the API's largest page.
DEPTH = 50
CUTOFF = 10


@dataclass
class QueryResult:
    language: str
    text: str
    judgements: dict  # index key -> grade
    ranked: list  # index keys, best first
    titles: list

    @property
    def reciprocal_rank(self):
        return reciprocal_rank(self.ranked, self.judgements)

    @property
    def ndcg(self):
        return ndcg_at(self.ranked, self.judgements, CUTOFF)

    @property
    def recall(self):
        return recall_at(self.ranked, self.judgements, CUTOFF)


def run(queries, resolver=None):
    """Every query's ranking; JudgementError before searching if a judgement does not resolve."""
    resolver = resolver or Resolver()
    resolved = [(query, resolver.keys(query)) for query in queries]
    user = AnonymousUser()
    results = []
    for query, judgements in resolved:
        found = service.search(user, query.text, query.language, limit=DEPTH)
        results.append(
            QueryResult(
                language=query.language,
                text=query.text,
                judgements=judgements,
                ranked=[hit.key for hit in found.hits],
                titles=[hit.title for hit in found.hits],
            )
        )
    return results


def summary(results):
    """{language: {"queries", "mrr", "ndcg", "recall"}} plus "all" over every query."""
    groups = {}
    for result in results:
        groups.setdefault(result.language, []).append(result)
    groups["all"] = list(results)
    return {
        name: {
            "queries": len(group),
            "mrr": mean(result.reciprocal_rank for result in group),
            "ndcg": mean(result.ndcg for result in group),
            "recall": mean(result.recall for result in group),
        }
        for name, group in groups.items()
        if group
    }
