"""What the engines see of needs and resources: plain, immutable values (no database)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NeedProfile:
    id: int
    country: str
    regions: frozenset  # M49 codes of the country's region, sub-region, intermediate region
    groups: frozenset  # ldc / lldc / sids
    applicant_type: str  # organisation-type code of whoever applies ("state" by default)
    themes: frozenset
    forms: frozenset
    amount_usd: float
    start: int  # date.toordinal() of the desired start
    duration_months: int
    priority: int  # 1 low, 2 medium, 3 high
    matchable: bool = True
    available: int | None = None  # ordinal of the day the need was open (validated)
    latest_start: int | None = None  # ordinal of its latest useful start (None: `start`)
    required_unit: str = ""  # in-kind assistance counted in person_days, places, units
    required_quantity: int | None = None
    from_report: bool = False  # stated by the State in a national report


@dataclass(frozen=True)
class ResourceProfile:
    id: int
    themes: frozenset
    forms: frozenset
    floor_usd: float
    cap_usd: float
    is_global: bool = False
    countries: frozenset = frozenset()
    regions: frozenset = frozenset()
    groups: frozenset = frozenset()
    applicant_types: frozenset = frozenset()  # empty: any applicant
    cofunding_percent: int = 0
    min_duration_months: int | None = None
    max_duration_months: int | None = None
    rolling: bool = False
    opens: int | None = None  # date ordinals
    closes: int | None = None
    priority_themes: frozenset = frozenset()
    priority_regions: frozenset = frozenset()
    active: bool = True
    award: int | None = None  # ordinal of the expected award (the earliest project start)
    decision_days: int = 0  # from an application (rolling) or the close to a decision
    capacity_unit: str = ""  # in-kind offers: person_days, places, units
    capacity: int = 0
    requires_report: bool = False  # only needs stated in national reports


@dataclass(frozen=True)
class Proposal:
    """A match the engine proposes: one resource, or several that co-fund the need."""

    need_id: int
    resource_ids: tuple
    score: float  # 0 to 100
    rank: int
    breakdown: dict = field(compare=True, hash=False)

    @property
    def is_cofunding(self):
        return len(self.resource_ids) > 1

    @property
    def resource_key(self):
        return "+".join(str(pk) for pk in self.resource_ids)
