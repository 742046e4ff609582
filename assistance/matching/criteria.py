"""The rules of matching, one pair at a time: hard constraints, weighted criteria, co-funding.

Hard constraints are never relaxed. A resource can *contribute* to a need when

- the resource is active and the need is matchable (validated, not yet funded);
- the need's country is eligible: the resource is global, or lists the country, one of its
  M49 regions, or one of its groups (LDC, LLDC, SIDS);
- whoever applies for the need is an eligible applicant type (empty list: anyone);
- the call is open at the need's desired start (opens <= start <= closes), or rolling;
- they share at least one thematic area and one form of assistance;
- the need's duration is within the resource's limits;
- the grant floor is not above the need's amount.

It can fund the need *alone* when, besides, the grant it would give - the amount less the
co-funding share the resource requires from others - is within its floor and cap.

The score (0 to 100) is the weighted sum of the criteria in WEIGHTS, each from 0 to 1:

- themes (35): share of the need's thematic areas the resource covers;
- forms (10): share of the need's forms of assistance the resource offers;
- budget (20): sqrt(grant / cap), so a modest need is not drowned in a large fund;
- timing (15): 1 for rolling calls, else days from the desired start to the call's close / 90
  (at most 1), so a call about to close ranks below one with time to prepare a proposal;
- donor_priority (10): half for a priority theme of the donor, half for a priority region;
- need_priority (10): 0, 0.5 or 1 for a low, medium or high priority need.

Co-funding: when no resource can fund a need alone, the best COFUNDING_CANDIDATES
contributors (by score) are combined in sets of 2 to MAX_COFUNDING_SIZE; each member, in
order of score, gives what it can (its cap, less its own co-funding share) until the need is
covered; a set is valid when it covers the need and each share reaches the member's floor.
The smallest valid set wins, then the highest contribution-weighted score, then the lowest
ids. At most C(6,2) + C(6,3) = 35 sets are tried per need.
"""

import math
from itertools import combinations

WEIGHTS = {
    "themes": 0.35,
    "forms": 0.10,
    "budget": 0.20,
    "timing": 0.15,
    "donor_priority": 0.10,
    "need_priority": 0.10,
}
TIMING_COMFORT_DAYS = 90
COFUNDING_CANDIDATES = 6
MAX_COFUNDING_SIZE = 3
CENT = 0.005


def is_geographically_eligible(need, resource):
    return (
        resource.is_global
        or need.country in resource.countries
        or not need.regions.isdisjoint(resource.regions)
        or not need.groups.isdisjoint(resource.groups)
    )


def can_contribute(need, resource):
    """Every hard constraint but the grant cap (which co-funding can overcome)."""
    return (
        resource.active
        and need.matchable
        and is_geographically_eligible(need, resource)
        and (not resource.applicant_types or need.applicant_type in resource.applicant_types)
        and (
            resource.rolling
            or (
                (resource.opens is None or resource.opens <= need.start)
                and (resource.closes is None or need.start <= resource.closes)
            )
        )
        and not need.themes.isdisjoint(resource.themes)
        and not need.forms.isdisjoint(resource.forms)
        and (
            resource.min_duration_months is None
            or need.duration_months >= resource.min_duration_months
        )
        and (
            resource.max_duration_months is None
            or need.duration_months <= resource.max_duration_months
        )
        and resource.floor_usd <= need.amount_usd
    )


def grant_asked(need, resource):
    """What the resource would give alone: the amount less the share others must bring."""
    return need.amount_usd * (100 - resource.cofunding_percent) / 100


def can_fund_alone(need, resource):
    grant = grant_asked(need, resource)
    return can_contribute(need, resource) and resource.floor_usd <= grant <= resource.cap_usd


def criterion_values(need, resource):
    """Each criterion from 0 to 1, in the order of WEIGHTS (the engines rely on the order)."""
    grant = grant_asked(need, resource)
    if resource.rolling or resource.closes is None:
        timing = 1.0
    else:
        timing = min(1.0, (resource.closes - need.start) / TIMING_COMFORT_DAYS)
    return {
        "themes": len(need.themes & resource.themes) / len(need.themes),
        "forms": len(need.forms & resource.forms) / len(need.forms),
        "budget": math.sqrt(min(1.0, grant / resource.cap_usd)) if resource.cap_usd > 0 else 0.0,
        "timing": timing,
        "donor_priority": 0.5 * (not need.themes.isdisjoint(resource.priority_themes))
        + 0.5 * (not need.regions.isdisjoint(resource.priority_regions)),
        "need_priority": (need.priority - 1) / 2,
    }


def total(values):
    """The weighted sum, from 0 to 1, added up in a fixed order."""
    result = 0.0
    for name, weight in WEIGHTS.items():
        result += weight * values[name]
    return result


def breakdown(need, resource, values=None):
    values = values or criterion_values(need, resource)
    return {
        "criteria": {name: round(values[name], 4) for name in WEIGHTS},
        "weights": WEIGHTS,
        "facts": {
            "themes_covered": len(need.themes & resource.themes),
            "themes_requested": len(need.themes),
            "forms_covered": len(need.forms & resource.forms),
            "forms_requested": len(need.forms),
            "grant_usd": round(grant_asked(need, resource), 2),
            "cap_usd": round(resource.cap_usd, 2),
            "rolling": resource.rolling or resource.closes is None,
            "days_to_close": None
            if resource.rolling or resource.closes is None
            else resource.closes - need.start,
            "donor_priority_theme": not need.themes.isdisjoint(resource.priority_themes),
            "donor_priority_region": not need.regions.isdisjoint(resource.priority_regions),
            "need_priority": need.priority,
        },
    }


def ranked(need, resources):
    """(total, resource) pairs, best first; ties go to the lower id."""
    scored = [(total(criterion_values(need, resource)), resource) for resource in resources]
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    return scored


def single_proposals(need, best, limit):
    from .profiles import Proposal

    proposals = []
    for rank, (value, resource) in enumerate(best[:limit], start=1):
        detail = breakdown(need, resource)
        detail["contributions"] = [
            {"resource": resource.id, "amount_usd": round(grant_asked(need, resource), 2)}
        ]
        proposals.append(Proposal(need.id, (resource.id,), round(value * 100, 2), rank, detail))
    return proposals


def allocate(need, members):
    """Shares of a co-funding set (members best first), or None when the set cannot work."""
    remaining = need.amount_usd
    shares = []
    for resource in members:
        most = min(resource.cap_usd, grant_asked(need, resource))
        share = min(most, remaining)
        if share <= 0 or share + CENT < resource.floor_usd:
            return None
        shares.append(share)
        remaining -= share
    return shares if remaining <= CENT else None


def cofunding_proposal(need, contributors):
    """The best small set of resources that together cover the need, or None.

    `contributors` are (total, resource) pairs, best first, that pass `can_contribute`.
    """
    from .profiles import Proposal

    pool = contributors[:COFUNDING_CANDIDATES]
    for size in range(2, MAX_COFUNDING_SIZE + 1):
        best = None
        for members in combinations(pool, size):
            shares = allocate(need, [resource for _value, resource in members])
            if shares is None:
                continue
            weighted = sum(
                value * share for (value, _r), share in zip(members, shares, strict=True)
            )
            set_score = weighted / sum(shares)
            ids = tuple(resource.id for _value, resource in members)
            key = (-set_score, ids)
            if best is None or key < best[0]:
                best = (key, members, shares, set_score)
        if best:
            _key, members, shares, set_score = best
            ordered = sorted(zip(members, shares, strict=True), key=lambda item: item[0][1].id)
            member_values = [
                (criterion_values(need, resource), share) for (_v, resource), share in ordered
            ]
            detail = {
                "criteria": {
                    name: round(
                        sum(values[name] * share for values, share in member_values) / sum(shares),
                        4,
                    )
                    for name in WEIGHTS
                },
                "weights": WEIGHTS,
                "facts": {"amount_usd": round(need.amount_usd, 2), "members": size},
                "contributions": [
                    {"resource": resource.id, "amount_usd": round(share, 2)}
                    for (_v, resource), share in ordered
                ],
            }
            resource_ids = tuple(resource.id for (_v, resource), _share in ordered)
            return Proposal(need.id, resource_ids, round(set_score * 100, 2), 1, detail)
    return None


def proposals_for(need, singles, contributors, limit):
    """What the engine proposes, from the ranked resources that can fund the need alone and
    the ranked resources that can contribute to it."""
    if not need.matchable:
        return []
    if singles:
        return single_proposals(need, singles, limit)
    proposal = cofunding_proposal(need, contributors)
    return [proposal] if proposal else []
