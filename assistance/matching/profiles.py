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
