"""Ranking metrics over one ranked list of document keys and its graded judgements.

`judgements` maps a key to its grade: 2 for the answer, 1 for a relevant document;
unjudged documents count as not relevant.
"""

import math


def reciprocal_rank(ranked, judgements):
    """1/rank of the first relevant document; 0 when none was returned."""
    for rank, key in enumerate(ranked, start=1):
        if judgements.get(key, 0) > 0:
            return 1 / rank
    return 0.0


def gain(grade):
    # Exponential gain: the answer (2) is worth three times a merely relevant document (1).
    return 2**grade - 1


def dcg(grades):
    return sum(gain(grade) / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def ndcg_at(ranked, judgements, k=10):
    """Discounted cumulative gain of the first k hits, over that of the ideal order."""
    ideal = dcg(sorted((grade for grade in judgements.values() if grade > 0), reverse=True)[:k])
    if not ideal:
        return 0.0
    return dcg([judgements.get(key, 0) for key in ranked[:k]]) / ideal


def recall_at(ranked, judgements, k=10):
    """Share of the relevant documents among the first k hits."""
    relevant = {key for key, grade in judgements.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0
