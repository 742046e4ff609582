"""Matching engines: the same rules (see `criteria`), two ways to find the candidates.

`NaiveEngine` compares every need with every resource; it is the reference the tests and
the benchmark hold the fast engine to. `IndexedEngine` indexes the resources by country
eligibility (an inverted index: country -> the resources open to it, through the country
itself, its regions, its groups or a global scope) and keeps themes, forms and applicant
types as bit sets, so one need is checked against the few thousand resources open to its
country with a handful of vectorised operations; only the best ones are scored in Python.
Both give exactly the same proposals.
"""

from collections import defaultdict

import numpy as np

from . import criteria


class MatchingEngine:
    def __init__(self, max_proposals=5):
        self.max_proposals = max_proposals
        self.resources = []

    def prepare(self, resources):
        """Take the resources to match against; returns the engine, ready."""
        self.resources = sorted(resources, key=lambda resource: resource.id)
        return self

    def match(self, need):
        """The proposals for one need, best first."""
        raise NotImplementedError

    def match_many(self, needs):
        return {need.id: self.match(need) for need in needs}

    def could_involve(self, resource, needs):
        """The needs a resource may be proposed for (whatever the other resources)."""
        return [need for need in needs if criteria.can_contribute(need, resource)]


class NaiveEngine(MatchingEngine):
    def match(self, need):
        contributors = [r for r in self.resources if criteria.can_contribute(need, r)]
        ranked = criteria.ranked(need, contributors)
        singles = [
            (value, resource)
            for value, resource in ranked
            if criteria.can_fund_alone(need, resource)
        ]
        return criteria.proposals_for(need, singles, ranked, self.max_proposals)


class BitCodes:
    """Codes (themes, forms...) numbered as bits of an unsigned 64-bit integer."""

    def __init__(self):
        self.bits = {}

    def mask(self, codes):
        value = 0
        for code in codes:
            if code not in self.bits:
                if len(self.bits) == 64:
                    raise ValueError("The indexed engine handles at most 64 codes per vocabulary.")
                self.bits[code] = len(self.bits)
            value |= 1 << self.bits[code]
        return value

    def known_mask(self, codes):
        """Like mask, without numbering codes no resource uses (they can match nothing)."""
        return sum(1 << self.bits[code] for code in set(codes) if code in self.bits)


ALL_BITS = np.uint64(0xFFFFFFFFFFFFFFFF)
FAR_PAST, FAR_FUTURE = -(2**62), 2**62


class IndexedEngine(MatchingEngine):
    def prepare(self, resources):
        super().prepare(resource for resource in resources if resource.active)
        resources = self.resources
        self.themes, self.forms, self.applicants = BitCodes(), BitCodes(), BitCodes()
        self.regions = BitCodes()

        def column(values, dtype):
            return np.array(list(values), dtype=dtype)

        self.theme_bits = column((self.themes.mask(r.themes) for r in resources), np.uint64)
        self.form_bits = column((self.forms.mask(r.forms) for r in resources), np.uint64)
        self.applicant_bits = column(
            (
                self.applicants.mask(r.applicant_types) if r.applicant_types else ALL_BITS
                for r in resources
            ),
            np.uint64,
        )
        self.priority_theme_bits = column(
            (self.themes.mask(r.priority_themes) for r in resources), np.uint64
        )
        self.ids = column((r.id for r in resources), np.int64)
        self.floor = column((r.floor_usd for r in resources), np.float64)
        self.cap = column((r.cap_usd for r in resources), np.float64)
        self.keep = column(((100 - r.cofunding_percent) for r in resources), np.float64)
        self.min_duration = column((r.min_duration_months or 0 for r in resources), np.int64)
        self.max_duration = column(
            (
                r.max_duration_months if r.max_duration_months is not None else 2**31
                for r in resources
            ),
            np.int64,
        )
        self.open_ended = column((criteria.is_open_ended(r) for r in resources), np.bool_)
        self.closes = column(
            (FAR_FUTURE if criteria.is_open_ended(r) else r.closes for r in resources), np.int64
        )
        # The earliest project start of a call; a rolling window's depends on the need.
        self.call_start = column(
            (FAR_PAST if criteria.is_open_ended(r) else criteria.call_start(r) for r in resources),
            np.int64,
        )
        self.decision_days = column((r.decision_days for r in resources), np.int64)
        self.requires_report = column((r.requires_report for r in resources), np.bool_)
        self.in_kind = column((criteria.is_in_kind(r) for r in resources), np.bool_)
        self.units = {
            unit: n for n, unit in enumerate(sorted({r.capacity_unit for r in resources}))
        }
        self.unit = column((self.units[r.capacity_unit] for r in resources), np.int64)
        self.capacity = column((r.capacity for r in resources), np.float64)
        # The inverted index of geographic eligibility.
        self.global_positions = []
        self.by_country, self.by_region, self.by_group = (defaultdict(list) for _ in range(3))
        self.by_priority_region = defaultdict(list)
        for position, resource in enumerate(resources):
            if resource.is_global:
                self.global_positions.append(position)
            for code in resource.countries:
                self.by_country[code].append(position)
            for code in resource.regions:
                self.by_region[code].append(position)
            for code in resource.groups:
                self.by_group[code].append(position)
            for code in resource.priority_regions:
                self.by_priority_region[code].append(position)
        self.eligible_cache = {}
        return self

    def eligible_positions(self, need):
        key = (need.country, need.regions, need.groups)
        positions = self.eligible_cache.get(key)
        if positions is None:
            found = list(self.global_positions)
            found += self.by_country.get(need.country, [])
            for code in need.regions:
                found += self.by_region.get(code, [])
            for code in need.groups:
                found += self.by_group.get(code, [])
            positions = np.unique(np.array(found, dtype=np.int64))
            priority = np.zeros(len(self.resources), dtype=np.bool_)
            for code in need.regions:
                priority[self.by_priority_region.get(code, [])] = True
            positions = (positions, priority[positions])
            self.eligible_cache[key] = positions
        return positions

    def match(self, need):
        if not need.matchable or not self.resources:
            return []
        positions, priority_region = self.eligible_positions(need)
        theme_mask = np.uint64(self.themes.known_mask(need.themes))
        form_mask = np.uint64(self.forms.known_mask(need.forms))
        applicant_mask = np.uint64(self.applicants.known_mask([need.applicant_type]))
        # Themes and forms first: they rule out most resources, so the other columns are
        # gathered for the few that remain.
        themes = self.theme_bits[positions] & theme_mask
        forms = self.form_bits[positions] & form_mask
        plausible = (themes != 0) & (forms != 0)
        positions, themes = positions[plausible], themes[plausible]
        priority_region = priority_region[plausible]
        applicants = self.applicant_bits[positions]
        open_ended = self.open_ended[positions]
        if need.available is None:
            submitted = np.ones(len(positions), dtype=np.bool_)
            earliest = np.where(open_ended, FAR_PAST, self.call_start[positions])
        else:
            submitted = need.available <= self.closes[positions]
            earliest = np.where(
                open_ended,
                need.available + self.decision_days[positions],
                self.call_start[positions],
            )
        in_kind = self.in_kind[positions]
        if need.required_unit:
            unit = self.units.get(need.required_unit, -1)
            fits = (self.unit[positions] == unit) & (
                self.capacity[positions] >= need.required_quantity
            )
        else:
            fits = np.ones(len(positions), dtype=np.bool_)
        ok = (
            ((applicants == ALL_BITS) | ((applicants & applicant_mask) != 0))
            & submitted
            & (earliest <= criteria.latest_start(need))
            & (need.from_report | ~self.requires_report[positions])
            & (self.min_duration[positions] <= need.duration_months)
            & (need.duration_months <= self.max_duration[positions])
            & np.where(in_kind, fits, self.floor[positions] <= need.amount_usd)
        )
        chosen = positions[ok]
        if not len(chosen):
            return []
        themes = themes[ok]
        in_kind = in_kind[ok]
        grant = np.where(in_kind, 0.0, need.amount_usd * self.keep[chosen] / 100)
        cap = self.cap[chosen]
        capacity = np.where(in_kind, self.capacity[chosen], 1.0)
        if need.required_unit:
            in_kind_fit = np.sqrt(np.minimum(1.0, need.required_quantity / capacity))
        else:
            in_kind_fit = np.full(len(chosen), 0.5)
        if need.available is None:
            timing = np.ones(len(chosen))
        else:
            timing = np.where(
                self.open_ended[chosen],
                1.0,
                np.minimum(
                    1.0,
                    (self.closes[chosen] - need.available).astype(np.float64)
                    / criteria.TIMING_COMFORT_DAYS,
                ),
            )
        value = {
            "themes": np.bitwise_count(themes).astype(np.float64) / len(need.themes),
            "forms": np.bitwise_count(self.form_bits[chosen] & form_mask).astype(np.float64)
            / len(need.forms),
            "budget": np.where(
                in_kind,
                in_kind_fit,
                np.where(
                    cap > 0, np.sqrt(np.minimum(1.0, grant / np.where(cap > 0, cap, 1.0))), 0.0
                ),
            ),
            "timing": timing,
            "donor_priority": 0.5 * ((self.priority_theme_bits[chosen] & theme_mask) != 0)
            + 0.5 * priority_region[ok],
            "need_priority": np.full(len(chosen), (need.priority - 1) / 2),
        }
        totals = np.zeros(len(chosen))
        for name, weight in criteria.WEIGHTS.items():
            totals = totals + weight * value[name]
        alone = in_kind | ((self.floor[chosen] <= grant) & (grant <= cap))
        if alone.any():
            wanted, limit = alone, self.max_proposals
        else:
            wanted, limit = np.ones(len(chosen), dtype=np.bool_), criteria.COFUNDING_CANDIDATES
        picked = np.flatnonzero(wanted)
        order = np.lexsort((self.ids[chosen[picked]], -totals[picked]))[:limit]
        best = [(float(totals[picked][i]), self.resources[int(chosen[picked][i])]) for i in order]
        if alone.any():
            return criteria.proposals_for(need, best, [], self.max_proposals)
        return criteria.proposals_for(need, [], best, self.max_proposals)
