"""The indexed engine gives exactly what the all-pairs reference gives, on many worlds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistance.matching import criteria, synthetic
from assistance.matching.engines import IndexedEngine, NaiveEngine


@given(seed=st.integers(0, 10**6))
@settings(max_examples=40, deadline=None, database=None)
def test_the_indexed_engine_equals_the_all_pairs_reference(seed):
    needs, resources = synthetic.scenario(seed, need_count=60, resource_count=120)
    naive = NaiveEngine().prepare(resources).match_many(needs)
    indexed = IndexedEngine().prepare(resources).match_many(needs)
    assert indexed == naive


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_proposal_ever_breaks_a_hard_constraint(seed):
    needs, resources = synthetic.scenario(seed, need_count=300, resource_count=300)
    by_id = {resource.id: resource for resource in resources}
    proposals = IndexedEngine().prepare(resources).match_many(needs)
    checked = 0
    for need in needs:
        for proposal in proposals[need.id]:
            members = [by_id[pk] for pk in proposal.resource_ids]
            assert all(criteria.can_contribute(need, member) for member in members)
            if proposal.is_cofunding:
                shares = [c["amount_usd"] for c in proposal.breakdown["contributions"]]
                assert sum(shares) == pytest.approx(need.amount_usd, abs=0.05)
                for member, share in zip(members, shares, strict=True):
                    assert member.floor_usd - 0.01 <= share <= member.cap_usd + 0.01
            else:
                assert criteria.can_fund_alone(need, members[0])
            checked += 1
    assert checked > 50  # the scenario is not vacuous


@pytest.mark.parametrize("seed", [4, 5])
def test_proposals_are_ranked_by_the_weighted_score(seed):
    needs, resources = synthetic.scenario(seed, need_count=200, resource_count=300)
    proposals = IndexedEngine().prepare(resources).match_many(needs)
    for need_proposals in proposals.values():
        scores = [proposal.score for proposal in need_proposals]
        assert scores == sorted(scores, reverse=True)
        for proposal in need_proposals:
            weighted = sum(
                value * criteria.WEIGHTS[name]
                for name, value in proposal.breakdown["criteria"].items()
            )
            assert proposal.score == pytest.approx(100 * weighted, abs=0.02)
