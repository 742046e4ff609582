"""E-mails of the assistance component, each in its reader's preferred language.

- Deadline reminders: a call closing in REMINDER_DAYS days reminds the national points of
  contact of the countries whose needs it is proposed for.
- Donor digest: each donor hears of the needs newly proposed for its organisation's resources.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.accounts import roles
from cms.core.languages import preferred_language

from .models import Match, Resource

REMINDER_DAYS = 14
OPEN_MATCH_STATUSES = [Match.Status.PROPOSED, Match.Status.UNDER_DISCUSSION, Match.Status.AGREED]


def _members(group, **profile):
    filters = {f"poaiss_profile__{name}": value for name, value in profile.items()}
    return (
        get_user_model()
        .objects.filter(groups__name=group, is_active=True, **filters)
        .exclude(email="")
        .select_related("poaiss_profile")
    )


def _send(user, subject, lines):
    with translation.override(preferred_language(user)):
        body = "\n".join(str(line()) if callable(line) else str(line) for line in lines)
        send_mail(str(subject()), body, settings.DEFAULT_FROM_EMAIL, [user.email])


def send_deadline_reminders(today=None):
    """Remind NPCs of calls closing soon that their needs are proposed for; returns mails sent."""
    closing = (today or timezone.localdate()) + timedelta(days=REMINDER_DAYS)
    sent = 0
    for resource in Resource.objects.filter(
        status=Resource.Status.ACTIVE, rolling=False, call_closes=closing
    ):
        matches = Match.objects.filter(
            resources=resource, status__in=OPEN_MATCH_STATUSES, is_current=True
        ).select_related("need__country")
        by_country = {}
        for match in matches:
            by_country.setdefault(match.need.country.code, []).append(match.need)
        for country, needs in sorted(by_country.items()):
            for user in _members(roles.NATIONAL_POINTS_OF_CONTACT, country__code=country):
                _send(
                    user,
                    lambda resource=resource: (
                        _("The call %(call)s closes soon") % {"call": resource.title}
                    ),
                    [
                        lambda resource=resource: (
                            _("The call %(call)s closes on %(date)s. It is proposed for:")
                            % {"call": resource.title, "date": date_format(resource.call_closes)}
                        ),
                        *[f"- {need.title}" for need in needs],
                    ],
                )
                sent += 1
    return sent


def send_donor_digests(since=None):
    """Tell each donor of the needs newly proposed for its resources; returns mails sent."""
    since = since or timezone.now() - timedelta(days=7)
    sent = 0
    new = Match.objects.filter(
        created_at__gte=since, is_current=True, status=Match.Status.PROPOSED
    ).select_related("need__country")
    by_organisation = {}
    for match in new.prefetch_related("resources__provider"):
        for resource in match.resources.all():
            if resource.provider_id:
                by_organisation.setdefault(resource.provider.code, []).append((match, resource))
    for code, items in sorted(by_organisation.items()):
        count = len(items)
        for user in _members(roles.DONORS, organisation__code=code):
            _send(
                user,
                lambda count=count: (
                    _("New needs proposed for your resources: %(count)d") % {"count": count}
                ),
                [
                    f"- {match.need.title} ({match.need.country.code}) → {resource.title}: "
                    f"{match.score}"
                    for match, resource in items
                ],
            )
            sent += 1
    return sent
