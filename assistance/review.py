"""Decisions on matches and on needs stated in national reports, for the API and the admin.

Both take the same steps through these functions, so the rules (who may decide, which steps
a match may take, that declining needs a reason) cannot drift apart. A refusal is raised as
`Refused` (the user may not decide at all) or `Invalid` (the decision itself is wrong, with
the field it concerns).
"""

from django.utils.translation import gettext as _

from . import permissions as rules
from . import stated_needs
from .models import Match, StatedNeed


class Refused(PermissionError):
    """The user may not take this decision."""


class Invalid(ValueError):
    """The decision cannot be taken; `field` names what is wrong."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def clean_text(text):
    return str(text or "").replace("\x00", "").strip()


def review_match(match, user, target, reason="", feedback=None):
    """Move the match to `target` as `user` (the secretariat, or a provider of one of its
    resources), recording the step; declining needs a reason. A provider's `feedback`, if
    given, is kept as the provider's feedback on the match."""
    role = rules.review_role(user, match)
    reason = clean_text(reason)
    if role is None:
        raise Refused(_("Only the secretariat and the providers concerned."))
    if not target:
        raise Invalid("status", _("Choose a decision."))
    if target not in Match.Status.values or not match.can_move_to(target):
        raise Invalid("status", _("This match cannot take that step."))
    if role == "provider" and target not in rules.PROVIDER_REVIEW_STATUSES:
        raise Refused(_("Only the secretariat records funding."))
    if target == Match.Status.DECLINED and not reason:
        raise Invalid("reason", _("Say why the match is declined."))
    if target == Match.Status.DECLINED:
        match.decline_reason = reason
    if feedback is not None and role == "provider":
        match.provider_feedback = clean_text(feedback)
    match.change_status(target, user, reason)
    return match


def may_decide_stated_need(user, need):
    """The State's point of contact and the secretariat confirm or discard a stated need."""
    if rules.roles.is_secretariat(user):
        return True
    return rules.speaks_for_country(user, need.country.code)


def decide_stated_need(need, user, decision):
    """Confirm or discard (`decision`: "confirm" or "discard") a need proposed from a national
    report, or the changes the report proposes for a confirmed one."""
    if not may_decide_stated_need(user, need):
        raise Refused(_("Only the State's point of contact and the secretariat."))
    link = StatedNeed.objects.filter(need=need).first()
    if link is not None and link.proposed_changes and not rules.can_edit_need(user, need):
        raise Refused(_("You may not edit this need."))
    action = {"confirm": stated_needs.confirm, "discard": stated_needs.discard}[decision]
    try:
        return action(need, user)
    except stated_needs.NotFromReport as error:
        raise Invalid("from_report", str(error)) from error


def awaiting_decision(need):
    """Whether the need, proposed from a national report, waits for the State's decision."""
    link = getattr(need, "stated_in_report", None)
    if link is None:
        return False
    State = StatedNeed.State
    return link.state == State.PROPOSED or (link.state == State.CONFIRMED and link.pending_entry)
