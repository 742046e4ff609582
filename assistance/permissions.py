"""Who may see and change what, enforced in the API and the admin alike.

- National points of contact create and edit the needs of their own country only (while
  draft or submitted), submit or withdraw them, and give the State's consent to publish.
- Donors describe their own organisation's resources and review the matches they are in.
- The secretariat validates and publishes needs, reviews every match, edits projects.
- A need not yet validated is visible only to its country and the secretariat; a validated
  need to donors too; a published need (with the State's consent) to everyone.
- Contact details go only to those who may edit the record.
"""

from django.db.models import Q

from cms.accounts import roles

from .models import Match, Need, Resource

NPC_EDITABLE_STATUSES = {Need.Status.DRAFT, Need.Status.SUBMITTED}
# A national point of contact deletes only what nobody else has acted on yet.
NPC_DELETABLE_STATUSES = {Need.Status.DRAFT}
# Steps of the need lifecycle a national point of contact takes for its own country.
NPC_TRANSITIONS = {
    (Need.Status.DRAFT, Need.Status.SUBMITTED),
    (Need.Status.SUBMITTED, Need.Status.DRAFT),
    (Need.Status.WITHDRAWN, Need.Status.DRAFT),
} | {(status, Need.Status.WITHDRAWN) for status in Need.Status}


def public_needs():
    return Q(status__in=Need.PUBLIC_STATUSES, consent_to_publish=True)


def visible_needs(user, queryset=None):
    queryset = Need.objects.all() if queryset is None else queryset
    if roles.is_secretariat(user):
        return queryset
    visible = public_needs()
    if roles.is_donor(user):
        visible |= Q(status__in=Need.VALIDATED_STATUSES)
    country = roles.represented_country_code(user)
    if country and roles.is_national_point_of_contact(user):
        visible |= Q(country__code=country)
    return queryset.filter(visible)


def speaks_for_country(user, country_code):
    return (
        roles.is_national_point_of_contact(user)
        and country_code is not None
        and roles.represented_country_code(user) == country_code
    )


def can_create_need(user):
    return roles.is_secretariat(user) or (
        roles.is_national_point_of_contact(user) and roles.represented_country_code(user)
    )


def can_edit_need(user, need):
    if roles.is_secretariat(user):
        return True
    return speaks_for_country(user, need.country.code) and need.status in NPC_EDITABLE_STATUSES


def npc_status_choices(user, need):
    """The statuses a national point of contact may give a need in a form: its own and the
    next steps the lifecycle allows them (draft or submitted for a new need)."""
    if need is None or need.pk is None:
        return [Need.Status.DRAFT, Need.Status.SUBMITTED]
    steps = [status for status in Need.Status if status != need.status]
    return [need.status] + [status for status in steps if can_move_need(user, need, status)]


def can_see_need_contact(user, need):
    return roles.is_secretariat(user) or speaks_for_country(user, need.country.code)


def can_move_need(user, need, status):
    if not need.can_move_to(status):
        return False
    if roles.is_secretariat(user):
        return True
    return speaks_for_country(user, need.country.code) and (need.status, status) in NPC_TRANSITIONS


def visible_resources(user, queryset=None):
    queryset = Resource.objects.all() if queryset is None else queryset
    if roles.is_secretariat(user):
        return queryset
    visible = ~Q(status=Resource.Status.DRAFT)
    organisation = roles.represented_organisation_code(user)
    if organisation and roles.is_donor(user):
        visible |= Q(provider__code=organisation)
    return queryset.filter(visible)


def can_create_resource(user):
    return roles.is_secretariat(user) or (
        roles.is_donor(user) and roles.represented_organisation_code(user)
    )


def owns_resource(user, resource):
    return (
        roles.is_donor(user)
        and resource.provider_id is not None
        and roles.represented_organisation_code(user) == resource.provider.code
    )


def can_edit_resource(user, resource):
    return roles.is_secretariat(user) or owns_resource(user, resource)


def visible_matches(user, queryset=None):
    queryset = Match.objects.all() if queryset is None else queryset
    needs = visible_needs(user).values("pk")
    hidden_resources = Resource.objects.exclude(pk__in=visible_resources(user).values("pk"))
    return queryset.filter(need__in=needs).exclude(resources__in=hidden_resources)


def review_role(user, match):
    """'secretariat', 'provider' (a donor of one of its resources) or None."""
    if roles.is_secretariat(user):
        return "secretariat"
    if any(owns_resource(user, resource) for resource in match.resources.all()):
        return "provider"
    return None


# What a provider may do to a match it is part of; the secretariat may take any step.
PROVIDER_REVIEW_STATUSES = {
    Match.Status.UNDER_DISCUSSION,
    Match.Status.AGREED,
    Match.Status.DECLINED,
}
