"""The rules of matching, one pair at a time: hard constraints, weighted criteria, co-funding.

Hard constraints are never relaxed. A resource can *contribute* to a need when

- the resource is active and the need is matchable (validated, not yet funded);
- the need's country is eligible: the resource is global, or lists the country, one of its
  M49 regions, or one of its groups (LDC, LLDC, SIDS);
- whoever applies for the need is an eligible applicant type (empty list: anyone);
- the need can be submitted while the call is open: the call has not closed by the day the
  need was open (validated); a rolling window is open all year;
- a project funded by the resource can start in time: its earliest start - the call's award
  date, else its close plus the days to a decision; for a rolling window the day the need was
  open plus the days to a decision - is not after the need's latest useful start (the desired
  start unless the State gave a later one);
- if the resource takes only needs stated in national reports, the need was stated in one;
- they share at least one thematic area and one form of assistance;
- the need's duration is within the resource's limits;
- money: the grant floor is not above the need's amount; in kind (an offer with a capacity
  in person-days, training places or units of equipment): if the need states the in-kind
  assistance it requires, it is counted in the same unit and within the capacity.

It can fund the need *alone* when, besides, the grant it would give - the amount less the
co-funding share the resource requires from others - is within its floor and cap; an in-kind
offer that can contribute meets the need alone (it never joins a co-funding set).

The score (0 to 100) is the weighted sum of the criteria in WEIGHTS, each from 0 to 1:

- themes (35): share of the need's thematic areas the resource covers;
- forms (10): share of the need's forms of assistance the resource offers;
- budget (20): sqrt(grant / cap), so a modest need is not drowned in a large fund; in kind,
  sqrt(quantity required / capacity), or 1/2 when the need states no quantity;
- timing (15): 1 for rolling calls, else days from the day the need was open to the call's
  close / 90 (at most 1), so a call about to close ranks below one with time to prepare;
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
from datetime import date
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


def is_open_ended(resource):
    """A rolling window (or a call without a deadline): applications all year."""
    return resource.rolling or resource.closes is None


def latest_start(need):
    return need.start if need.latest_start is None else need.latest_start


def call_start(resource):
    """The earliest start of a project funded by a call: the award date, else the close plus
    the days to a decision."""
    if resource.award is not None:
        return resource.award
    return resource.closes + resource.decision_days


def earliest_start(need, resource):
    """The earliest day a project of this resource can start for this need (None: any day)."""
    if is_open_ended(resource):
        return None if need.available is None else need.available + resource.decision_days
    return call_start(resource)


def can_be_submitted(need, resource):
    return is_open_ended(resource) or need.available is None or need.available <= resource.closes


def starts_in_time(need, resource):
    earliest = earliest_start(need, resource)
    return earliest is None or earliest <= latest_start(need)


def is_in_kind(resource):
    return bool(resource.capacity_unit)


def capacity_fits(need, resource):
    """In kind: a need stating what it requires gets it in the offer's unit, within capacity."""
    return not need.required_unit or (
        need.required_unit == resource.capacity_unit and need.required_quantity <= resource.capacity
    )


def can_contribute(need, resource):
    """Every hard constraint but the grant cap (which co-funding can overcome)."""
    return (
        resource.active
        and need.matchable
        and is_geographically_eligible(need, resource)
        and (not resource.applicant_types or need.applicant_type in resource.applicant_types)
        and can_be_submitted(need, resource)
        and starts_in_time(need, resource)
        and (not resource.requires_report or need.from_report)
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
        and (
            capacity_fits(need, resource)
            if is_in_kind(resource)
            else resource.floor_usd <= need.amount_usd
        )
    )


def grant_asked(need, resource):
    """What the resource would give alone: the amount less the share others must bring.
    An in-kind offer gives no money."""
    if is_in_kind(resource):
        return 0.0
    return need.amount_usd * (100 - resource.cofunding_percent) / 100


def can_fund_alone(need, resource):
    if is_in_kind(resource):
        return can_contribute(need, resource)
    grant = grant_asked(need, resource)
    return can_contribute(need, resource) and resource.floor_usd <= grant <= resource.cap_usd


def budget_fit(need, resource):
    if is_in_kind(resource):
        if not need.required_unit:
            return 0.5
        return math.sqrt(min(1.0, need.required_quantity / resource.capacity))
    grant = grant_asked(need, resource)
    return math.sqrt(min(1.0, grant / resource.cap_usd)) if resource.cap_usd > 0 else 0.0


def days_to_prepare(need, resource):
    """Days from the need being open to the call's close (None: rolling, or unknown)."""
    if is_open_ended(resource) or need.available is None:
        return None
    return resource.closes - need.available


def criterion_values(need, resource):
    """Each criterion from 0 to 1, in the order of WEIGHTS (the engines rely on the order)."""
    days = days_to_prepare(need, resource)
    timing = 1.0 if days is None else min(1.0, days / TIMING_COMFORT_DAYS)
    return {
        "themes": len(need.themes & resource.themes) / len(need.themes),
        "forms": len(need.forms & resource.forms) / len(need.forms),
        "budget": budget_fit(need, resource),
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


def _day(ordinal):
    return None if ordinal is None else date.fromordinal(ordinal).isoformat()


def timing_facts(need, resource):
    """What the timing rule was checked on, as ISO dates (for the explanation)."""
    rolling = is_open_ended(resource)
    return {
        "rolling": rolling,
        "open_since": _day(need.available),
        "call_closes": None if rolling else _day(resource.closes),
        "award": None if rolling else _day(resource.award),
        "decision_days": resource.decision_days,
        "earliest_start": _day(earliest_start(need, resource)),
        "latest_start": _day(latest_start(need)),
        "days_to_close": days_to_prepare(need, resource),
    }


def supply_facts(need, resource):
    """Money (grant and cap) or, in kind, the capacity and what the need requires."""
    if is_in_kind(resource):
        return {
            "in_kind": True,
            "capacity": resource.capacity,
            "capacity_unit": resource.capacity_unit,
            "required_quantity": need.required_quantity if need.required_unit else None,
        }
    return {
        "grant_usd": round(grant_asked(need, resource), 2),
        "cap_usd": round(resource.cap_usd, 2),
    }


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
            **supply_facts(need, resource),
            **timing_facts(need, resource),
            "requires_report": resource.requires_report,
            "from_report": need.from_report,
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
