"""The need follows its matches: agreeing, funding or completing a match moves the need.

The need's status is worked out from all its matches, not from the one that just changed, so
the same matches always give the same status whatever the order of the steps:

- a match funded or completed: the need is **funded** when the funded matches bring its whole
  amount (and, if it asks for in-kind assistance, an in-kind match provides it), otherwise
  **partly funded**; once every funded match is completed and the need was funded, it is
  **completed**;
- else a match agreed: the need is **matched**;
- else (the agreed match was declined): the need goes back to where it was before it was
  matched (validated or published).

Each move is a step of the need's lifecycle, recorded in its history with the match that
caused it. A need withdrawn, still in draft or already completed does not move.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Match, Need, StatusChange

CENT = 0.005
FOLLOWING = {
    Need.Status.VALIDATED,
    Need.Status.PUBLISHED,
    Need.Status.MATCHED,
    Need.Status.PARTLY_FUNDED,
    Need.Status.FUNDED,
}
FUNDED_MATCHES = {Match.Status.FUNDED, Match.Status.COMPLETED}


def _is_in_kind(match):
    return bool(match.breakdown.get("facts", {}).get("in_kind"))


def status_from_matches(need, matches):
    """The status the need's matches call for, or None when no match holds it."""
    funded = [match for match in matches if match.status in FUNDED_MATCHES]
    if funded:
        money = sum(
            float(item.amount_usd)
            for match in funded
            if not _is_in_kind(match)
            for item in match.contributions.all()
        )
        covered = money + CENT >= float(need.amount_usd) or any(
            _is_in_kind(match) and not float(need.amount_usd) for match in funded
        )
        if need.required_quantity:
            covered = covered and any(_is_in_kind(match) for match in funded)
        if covered and all(match.status == Match.Status.COMPLETED for match in funded):
            return Need.Status.COMPLETED
        return Need.Status.FUNDED if covered else Need.Status.PARTLY_FUNDED
    if any(match.status == Match.Status.AGREED for match in matches):
        return Need.Status.MATCHED
    return None


def _status_before_matching(need):
    """Validated or published: where the need stood before its first match was agreed."""
    step = (
        StatusChange.objects.filter(
            content_type__app_label="assistance",
            content_type__model="need",
            object_id=need.pk,
            to_status__in=[Need.Status.MATCHED, Need.Status.PARTLY_FUNDED, Need.Status.FUNDED],
            from_status__in=[Need.Status.VALIDATED, Need.Status.PUBLISHED],
        )
        .order_by("-changed_at", "-pk")
        .first()
    )
    if step is not None:
        return step.from_status
    return Need.Status.PUBLISHED if need.consent_to_publish else Need.Status.VALIDATED


def _path(need, target):
    """The lifecycle steps from the need's status to the target (at most two)."""
    if need.can_move_to(target):
        return [target]
    if target == Need.Status.COMPLETED and need.can_move_to(Need.Status.FUNDED):
        return [Need.Status.FUNDED, Need.Status.COMPLETED]
    return []


def need_follows_match(match, user=None):
    """Move the match's need to the status its matches call for, recording each step."""
    with transaction.atomic():
        need = Need.objects.select_for_update().get(pk=match.need_id)
        if need.status not in FOLLOWING:
            return need
        matches = list(
            Match.objects.filter(need=need)
            .exclude(status=Match.Status.DECLINED)
            .prefetch_related("contributions")
        )
        target = status_from_matches(need, matches)
        if target is None:
            if need.status not in (Need.Status.MATCHED, Need.Status.PARTLY_FUNDED):
                return need
            target = _status_before_matching(need)
        if target == need.status:
            return need
        note = _("Match %(match)s %(status)s.") % {
            "match": match.pk,
            "status": Match.Status(match.status).label,
        }
        for step in _path(need, target):
            need.change_status(step, user, note)
        return need
