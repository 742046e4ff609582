"""Matching against the database: profiles from rows, proposals saved as `Match` rows.

Incremental and full rematching share one code path, `rematch_needs`: the proposals of a
need depend only on the need and on the active resources, so recomputing every need a
change can affect gives exactly what a full rebuild gives.
"""

from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import Match, MatchResource, Need, Resource
from . import criteria, get_engine
from .profiles import NeedProfile, ResourceProfile

STATE_APPLICANT = "state"


def _codes(items):
    return frozenset(item.code for item in items)


def need_profile(need):
    country = need.country
    regions = frozenset(
        region.code
        for region in (country.region, country.sub_region, country.intermediate_region)
        if region
    )
    themes, forms = _codes(need.themes.all()), _codes(need.forms.all())
    return NeedProfile(
        id=need.pk,
        country=country.code,
        regions=regions,
        groups=frozenset(str(group) for group in country.groups),
        applicant_type=need.applicant.organisation_type.code if need.applicant else STATE_APPLICANT,
        themes=themes,
        forms=forms,
        amount_usd=float(need.amount_usd),
        start=need.start_date.toordinal(),
        duration_months=need.duration_months,
        priority=need.priority,
        matchable=need.status in Need.MATCHABLE_STATUSES and bool(themes) and bool(forms),
        available=(need.open_since or timezone.localdate(need.created_at)).toordinal(),
        latest_start=need.latest_useful_start.toordinal(),
        required_unit=need.required_unit,
        required_quantity=need.required_quantity,
        from_report=need.is_stated_in_report,
    )


def resource_profile(resource):
    return ResourceProfile(
        id=resource.pk,
        themes=_codes(resource.themes.all()),
        forms=_codes(resource.forms.all()),
        floor_usd=float(resource.grant_floor_usd),
        cap_usd=float(resource.grant_cap_usd),
        is_global=resource.is_global,
        countries=_codes(resource.eligible_countries.all()),
        regions=_codes(resource.eligible_regions.all()),
        groups=frozenset(resource.eligible_groups or []),
        applicant_types=_codes(resource.eligible_applicant_types.all()),
        cofunding_percent=resource.cofunding_percent,
        min_duration_months=resource.min_duration_months,
        max_duration_months=resource.max_duration_months,
        rolling=resource.rolling,
        opens=resource.call_opens.toordinal() if resource.call_opens else None,
        closes=resource.call_closes.toordinal() if resource.call_closes else None,
        priority_themes=_codes(resource.priority_themes.all()),
        priority_regions=_codes(resource.priority_regions.all()),
        active=resource.status == Resource.Status.ACTIVE,
        award=resource.award_date.toordinal() if resource.award_date else None,
        decision_days=resource.decision_days or 0,
        capacity_unit=resource.capacity_unit,
        capacity=resource.capacity or 0,
        requires_report=resource.requires_need_from_national_report,
    )


def need_profiles(queryset):
    queryset = queryset.select_related(
        "country__region",
        "country__sub_region",
        "country__intermediate_region",
        "applicant__organisation_type",
        "stated_in_report",
    ).prefetch_related("themes", "forms")
    return [need_profile(need) for need in queryset]


def resource_profiles(queryset):
    queryset = queryset.prefetch_related(
        "themes",
        "forms",
        "eligible_countries",
        "eligible_regions",
        "eligible_applicant_types",
        "priority_themes",
        "priority_regions",
    )
    return [resource_profile(resource) for resource in queryset]


def prepared_engine():
    active = Resource.objects.filter(status=Resource.Status.ACTIVE).order_by("pk")
    return get_engine().prepare(resource_profiles(active))


@transaction.atomic
def save_proposals(need_id, proposals):
    """Make the need's matches say what the engine proposes, keeping people's decisions.

    New proposals are added; proposals the engine no longer makes are deleted while still
    merely proposed, and kept (marked not current) once someone has acted on them.
    """
    existing = {match.resource_key: match for match in Match.objects.filter(need_id=need_id)}
    for proposal in proposals:
        match = existing.pop(proposal.resource_key, None)
        score = Decimal(str(proposal.score))
        if match is None:
            match = Match.objects.create(
                need_id=need_id,
                resource_key=proposal.resource_key,
                is_cofunding=proposal.is_cofunding,
                score=score,
                rank=proposal.rank,
                breakdown=proposal.breakdown,
            )
            MatchResource.objects.bulk_create(
                MatchResource(
                    match=match,
                    resource_id=item["resource"],
                    amount_usd=Decimal(str(item["amount_usd"])),
                )
                for item in proposal.breakdown["contributions"]
            )
        elif (match.score, match.rank, match.breakdown, match.is_current) != (
            score,
            proposal.rank,
            proposal.breakdown,
            True,
        ):
            match.score, match.rank, match.breakdown = score, proposal.rank, proposal.breakdown
            match.is_current = True
            match.save(update_fields=["score", "rank", "breakdown", "is_current", "updated_at"])
            for item in proposal.breakdown["contributions"]:
                MatchResource.objects.filter(match=match, resource_id=item["resource"]).update(
                    amount_usd=Decimal(str(item["amount_usd"]))
                )
    stale = list(existing.values())
    Match.objects.filter(
        pk__in=[match.pk for match in stale if match.status == Match.Status.PROPOSED]
    ).delete()
    Match.objects.filter(
        pk__in=[match.pk for match in stale if match.status != Match.Status.PROPOSED],
        is_current=True,
    ).update(is_current=False)


def rematch_needs(need_ids, engine=None):
    """Recompute the proposals of these needs; ids of deleted needs are skipped."""
    need_ids = list(need_ids)
    if not need_ids:
        return 0
    engine = engine or prepared_engine()
    profiles = need_profiles(Need.objects.filter(pk__in=need_ids).order_by("pk"))
    for profile in profiles:
        save_proposals(profile.id, engine.match(profile))
    return len(profiles)


def needs_affected_by_resource(resource_id):
    """Needs whose proposals a change to this resource may change: those it is part of now,
    and those it can contribute to as it stands."""
    affected = set(
        MatchResource.objects.filter(resource_id=resource_id).values_list(
            "match__need_id", flat=True
        )
    )
    resource = Resource.objects.filter(pk=resource_id).first()
    if resource is not None and resource.status == Resource.Status.ACTIVE:
        profile = resource_profile(resource)
        plausible = Need.objects.filter(
            Q(status__in=Need.MATCHABLE_STATUSES),
            themes__code__in=profile.themes,
            forms__code__in=profile.forms,
        ).distinct()
        affected.update(
            need.id for need in need_profiles(plausible) if criteria.can_contribute(need, profile)
        )
    return sorted(affected)


def rematch_resource(resource_id):
    return rematch_needs(needs_affected_by_resource(resource_id))


def rebuild_all():
    """Recompute every need in this process (the Celery path splits it into chunks)."""
    engine = prepared_engine()
    return rematch_needs(Need.objects.order_by("pk").values_list("pk", flat=True), engine)


def snapshot():
    """Every current proposal, comparable: (need, resources, score, rank, breakdown)."""
    return sorted(
        (match.need_id, match.resource_key, str(match.score), match.rank, repr(match.breakdown))
        for match in Match.objects.filter(is_current=True)
    )
