"""Random but plausible needs and resources, for the engine tests and the benchmark.

Shapes follow the domain: about 195 countries in 5 regions and 22 sub-regions, a fifth of
them LDC; 20 thematic areas and 5 forms of assistance; needs with 1-3 themes and modest
budgets (US$20,000 to US$2 million); resources mostly regional or limited to a few
countries, some global funds, calls with deadlines or rolling.
"""

import random
from datetime import date

from .profiles import NeedProfile, ResourceProfile

THEMES = [f"theme-{n}" for n in range(20)]
FORMS = ["financial", "technical-expertise", "training", "equipment", "legal-advice"]
APPLICANTS = [
    "state",
    "un-entity",
    "international-organisation",
    "regional-organisation",
    "ngo",
    "research-institute",
]
REGIONS = [f"R{n}" for n in range(5)]
SUB_REGIONS = [f"S{n}" for n in range(22)]
BASE_DAY = date(2027, 1, 1).toordinal()
UNITS = ["person_days", "places", "units"]


def world(rng, countries=195):
    places = {}
    for n in range(countries):
        sub = SUB_REGIONS[n % len(SUB_REGIONS)]
        region = REGIONS[SUB_REGIONS.index(sub) % len(REGIONS)]
        groups = frozenset(
            g for g, p in (("ldc", 0.2), ("lldc", 0.15), ("sids", 0.2)) if rng.random() < p
        )
        places[f"C{n:03d}"] = (frozenset({region, sub}), groups)
    return places


def needs(rng, count, places, first_id=1):
    codes = sorted(places)
    result = []
    for pk in range(first_id, first_id + count):
        country = rng.choice(codes)
        regions, groups = places[country]
        start = BASE_DAY + rng.randrange(0, 730)
        unit = rng.choice(UNITS) if rng.random() < 0.3 else ""
        result.append(
            NeedProfile(
                id=pk,
                country=country,
                regions=regions,
                groups=groups,
                applicant_type=rng.choice(APPLICANTS),
                themes=frozenset(rng.sample(THEMES, rng.randint(1, 3))),
                forms=frozenset(rng.sample(FORMS, rng.randint(1, 2))),
                amount_usd=float(rng.randrange(20_000, 2_000_000, 1_000)),
                start=start,
                duration_months=rng.randint(6, 36),
                priority=rng.randint(1, 3),
                available=BASE_DAY - rng.randrange(0, 400),
                latest_start=start + rng.choice([0, 0, 90, 180]),
                required_unit=unit,
                required_quantity=rng.randint(5, 200) if unit else None,
                from_report=rng.random() < 0.4,
            )
        )
    return result


def resources(rng, count, places, first_id=1):
    codes = sorted(places)
    result = []
    for pk in range(first_id, first_id + count):
        scope = rng.random()
        cap = float(rng.choice([50_000, 100_000, 150_000, 200_000, 500_000, 1_000_000, 5_000_000]))
        rolling = rng.random() < 0.3
        opens = BASE_DAY + rng.randrange(-200, 600)
        closes = opens + rng.randrange(30, 400)
        in_kind = rng.random() < 0.2
        result.append(
            ResourceProfile(
                id=pk,
                themes=frozenset(rng.sample(THEMES, rng.randint(1, 4))),
                forms=frozenset(rng.sample(FORMS, rng.randint(1, 3))),
                floor_usd=0.0 if in_kind else float(rng.choice([0, 0, 10_000, 50_000])),
                cap_usd=0.0 if in_kind else cap,
                is_global=scope < 0.05,
                countries=frozenset(rng.sample(codes, rng.randint(1, 4)))
                if 0.05 <= scope < 0.55
                else frozenset(),
                regions=frozenset(rng.sample(SUB_REGIONS + REGIONS, 1))
                if 0.55 <= scope < 0.9
                else frozenset(),
                groups=frozenset(rng.sample(["ldc", "lldc", "sids"], 1))
                if scope >= 0.9
                else frozenset(),
                applicant_types=frozenset(rng.sample(APPLICANTS, rng.randint(2, 5)))
                if rng.random() < 0.5
                else frozenset(),
                cofunding_percent=rng.choice([0, 0, 0, 10, 25]),
                min_duration_months=rng.choice([None, 6, 12]),
                max_duration_months=rng.choice([None, 24, 36]),
                rolling=rolling,
                opens=None if rolling else opens,
                closes=None if rolling else closes,
                award=None if rolling or rng.random() < 0.5 else closes + rng.randrange(0, 120),
                decision_days=rng.choice([0, 30, 60]),
                capacity_unit=rng.choice(UNITS) if in_kind else "",
                capacity=rng.randint(10, 300) if in_kind else 0,
                requires_report=rng.random() < 0.15,
                priority_themes=frozenset(rng.sample(THEMES, rng.randint(0, 2))),
                priority_regions=frozenset(rng.sample(REGIONS, rng.randint(0, 1))),
            )
        )
    return result


def scenario(seed, need_count, resource_count):
    rng = random.Random(seed)
    places = world(rng)
    return needs(rng, need_count, places), resources(rng, resource_count, places)
