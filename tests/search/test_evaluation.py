"""Search relevance: the metrics, the judged query set, and `manage.py search_evaluate`."""

import math
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assistance.models import Need
from cms.core.languages import UN_LANGUAGE_CODES
from search.evaluation import judged, runner
from search.evaluation.metrics import ndcg_at, recall_at, reciprocal_rank

# --- Metrics, against figures computed by hand ---------------------------------------------


def test_reciprocal_rank_is_one_over_the_rank_of_the_first_relevant_document():
    assert reciprocal_rank(["x", "y", "b", "a"], {"a": 2, "b": 1}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a", "b"], {"a": 2, "b": 1}) == 1.0


def test_no_relevant_hit_scores_zero_everywhere():
    ranked, judgements = ["x", "y", "z"], {"a": 2}
    assert reciprocal_rank(ranked, judgements) == 0.0
    assert ndcg_at(ranked, judgements) == 0.0
    assert recall_at(ranked, judgements) == 0.0
    assert reciprocal_rank([], judgements) == 0.0


def test_a_relevant_document_at_rank_eleven_counts_for_mrr_only():
    ranked = [f"other{n}" for n in range(10)] + ["a"]
    assert reciprocal_rank(ranked, {"a": 2}) == pytest.approx(1 / 11)
    assert ndcg_at(ranked, {"a": 2}, k=10) == 0.0
    assert recall_at(ranked, {"a": 2}, k=10) == 0.0


def test_ndcg_rewards_the_answer_above_a_merely_relevant_document():
    judgements = {"a": 2, "b": 1}
    # Gains 2^grade - 1: the answer 3, a relevant document 1; discount log2(rank + 1).
    ideal = 3 / 1 + 1 / math.log2(3)
    assert ndcg_at(["a", "b"], judgements) == pytest.approx(1.0)
    assert ndcg_at(["b", "a"], judgements) == pytest.approx((1 + 3 / math.log2(3)) / ideal)
    assert ndcg_at(["b", "a"], judgements) == pytest.approx(0.7967, abs=1e-4)
    # An unjudged document first pushes the answer down one rank.
    assert ndcg_at(["x", "a"], {"a": 2}) == pytest.approx(1 / math.log2(3))


def test_recall_counts_the_relevant_documents_in_the_first_k():
    assert recall_at(["a", "x", "c"], {"a": 2, "b": 1, "c": 1}) == pytest.approx(2 / 3)
    assert recall_at(["a", "b"], {"a": 2, "b": 1}, k=1) == pytest.approx(1 / 2)


# --- The judged set ------------------------------------------------------------------------


def test_the_judged_set_has_five_queries_or_more_in_each_language():
    queries = judged.load()
    for language in UN_LANGUAGE_CODES:
        assert len([query for query in queries if query.language == language]) >= 5, language


def test_every_judged_document_resolves_to_a_public_document_of_the_demo(demo_site):
    resolver = judged.Resolver()
    for query in judged.load():
        keys = resolver.keys(query)
        assert len(keys) == len(query.judgements), query
        for key in keys:
            assert key.startswith("page:") or key.endswith(f":{query.language}"), (query, key)


def test_a_judged_document_that_is_gone_stops_the_command_naming_query_and_document(demo_site):
    Need.objects.filter(title="Safe storage of ammunition in regional depots").delete()
    with pytest.raises(CommandError) as raised:
        call_command("search_evaluate", "--locale", "en", stdout=StringIO())
    message = str(raised.value)
    assert "'ammunition storage'" in message
    assert "Safe storage of ammunition in regional depots" in message


def test_a_page_missing_from_the_demo_is_named(demo_site):
    query = judged.JudgedQuery("fr", "marquage", {"page:/learning/no-such-course/": 2})
    missing = "no English page at '/learning/no-such-course/'"
    with pytest.raises(judged.JudgementError, match=missing):
        judged.Resolver().keys(query)


def test_malformed_judgements_are_refused_with_the_query_named(tmp_path):
    path = tmp_path / "judgements.yaml"
    path.write_text("en:\n  - query: marking\n    relevant:\n      page:/: 3\n", encoding="utf-8")
    with pytest.raises(judged.JudgementError, match=r"en query 1 \('marking'\).*1 or 2"):
        judged.load(path)
    path.write_text("de:\n  - query: Kennzeichnung\n    relevant: {page:/: 2}\n", encoding="utf-8")
    with pytest.raises(judged.JudgementError, match="unknown language 'de'"):
        judged.load(path)


# --- The command, and the floor ------------------------------------------------------------


def test_the_command_reports_mrr_and_ndcg_for_the_six_languages(demo_site):
    output = StringIO()
    call_command("search_evaluate", stdout=output)
    summary = {
        match["name"]: (float(match["mrr"]), float(match["ndcg"]))
        for match in re.finditer(
            r"^(?P<name>[\w-]+)\s+\d+\s+(?P<mrr>[\d.]+)\s+(?P<ndcg>[\d.]+)\s+[\d.]+$",
            output.getvalue(),
            re.MULTILINE,
        )
    }
    assert set(summary) == {*UN_LANGUAGE_CODES, "all"}
    assert all(0 < mrr <= 1 and 0 < ndcg <= 1 for mrr, ndcg in summary.values())


def test_the_command_shows_each_query_and_its_hits_when_verbose(demo_site):
    output = StringIO()
    call_command("search_evaluate", "--locale", "ru", "--verbose", stdout=output)
    text = output.getvalue()
    assert "маркировка" in text
    assert "[2] Маркировка" in text  # the judged answer, marked among the hits
    assert "\nen " not in text


# Measured on the demo (benchmarks/README.md): MRR 0.86-1.00 per language on SQLite and
# PostgreSQL, nDCG@10 0.76-0.94. With 7 queries a language, an answer slipping from first to
# second costs its MRR 0.07 and stays above the floor; an answer lost from the results costs
# 0.14 and takes the weakest languages (0.86) below it.
MRR_FLOOR = 0.75
NDCG_FLOOR = 0.7


def test_relevance_over_the_demo_stays_above_the_floor(demo_site):
    summary = runner.summary(runner.run(judged.load()))
    for language in UN_LANGUAGE_CODES:
        assert summary[language]["mrr"] >= MRR_FLOOR, (language, summary[language])
        assert summary[language]["ndcg"] >= NDCG_FLOOR, (language, summary[language])
