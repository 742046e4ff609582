"""Joining and leaving the network, and a member's copy of their own data.

One joins by application, approved by the secretariat, or by the secretariat's invitation,
accepted by the invited user. A member who leaves keeps nothing personal behind: their posts
stay, with no author, and their profile is emptied.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import member_profile
from .forum import require_moderator
from .models import DigestDelivery, Flag, Follow, MemberProfile, Notification, Post, Revision, Vote

OPEN_STATUSES = (MemberProfile.Status.APPLIED, MemberProfile.Status.INVITED)


@transaction.atomic
def apply(user, **details):
    """Ask to join; a new application, or a renewed one after leaving or a refusal."""
    profile = member_profile(user)
    if profile is not None and profile.status in (
        MemberProfile.Status.ACTIVE,
        MemberProfile.Status.SUSPENDED,
        MemberProfile.Status.APPLIED,
    ):
        raise ValidationError(
            {"non_field_errors": [_("You are already a member or have already applied.")]}
        )
    expertise = details.pop("expertise", [])
    profile = profile or MemberProfile(user=user)
    for name, value in details.items():
        setattr(profile, name, value)
    profile.status = MemberProfile.Status.APPLIED
    profile.left_at = None
    profile.full_clean(exclude=["user"])
    profile.save()
    profile.expertise.set(expertise)
    return profile


@transaction.atomic
def invite(secretariat_user, user, **details):
    require_moderator(secretariat_user)
    expertise = details.pop("expertise", [])
    profile = member_profile(user) or MemberProfile(user=user)
    for name, value in details.items():
        setattr(profile, name, value)
    profile.status = MemberProfile.Status.INVITED
    profile.invited_by = secretariat_user
    # Checked as an application is: a national point of contact of a territory is refused.
    profile.full_clean(exclude=["user"])
    profile.save()
    profile.expertise.set(expertise)
    return profile


@transaction.atomic
def accept_invitation(user):
    profile = member_profile(user)
    if profile is None or profile.status != MemberProfile.Status.INVITED:
        raise PermissionDenied(_("There is no invitation to accept."))
    profile.activate()
    return profile


@transaction.atomic
def decide_application(secretariat_user, profile, approve):
    require_moderator(secretariat_user)
    if profile.status != MemberProfile.Status.APPLIED:
        raise ValidationError({"status": [_("This application has already been decided.")]})
    if approve:
        profile.activate(decided_by=secretariat_user)
    else:
        profile.status = MemberProfile.Status.REFUSED
        profile.decided_by = secretariat_user
        profile.save(update_fields=["status", "decided_by"])
    return profile


@transaction.atomic
def leave(user):
    """Leave the network: posts stay but lose their author; nothing personal remains."""
    profile = member_profile(user)
    if profile is None or profile.status == MemberProfile.Status.LEFT:
        raise PermissionDenied(_("You are not a member of the network."))
    Post.objects.filter(author=user).update(author=None)
    Revision.objects.filter(edited_by=user).update(edited_by=None)
    Vote.objects.filter(user=user).update(user=None)
    Flag.objects.filter(reporter=user).update(reporter=None)
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    DigestDelivery.objects.filter(recipient=user).delete()
    profile.status = MemberProfile.Status.LEFT
    profile.display_name = ""
    profile.organisation = ""
    profile.application_note = ""
    profile.languages = []
    profile.country = None
    profile.left_at = timezone.now()
    profile.save()
    profile.expertise.clear()
    return profile


def export_data(user):
    """Everything the network holds about `user`, as JSON-ready data."""
    profile = member_profile(user)
    if profile is None:
        raise PermissionDenied(_("You are not a member of the network."))

    def post_data(post):
        specific = post.specific
        return {
            "id": post.pk,
            "kind": specific._meta.model_name,
            "title": getattr(specific, "title", None),
            "body": post.body,
            "state": post.state,
            "created_at": post.created_at.isoformat(),
        }

    return {
        "profile": {
            "username": user.get_username(),
            "email": user.email,
            "status": profile.status,
            "display_name": profile.display_name,
            "role": profile.role,
            "instrument": profile.instrument,
            "country": profile.country_code,
            "organisation": profile.organisation,
            "languages": profile.languages,
            "expertise": sorted(profile.expertise.values_list("code", flat=True)),
            "application_note": profile.application_note,
            "instant_notifications": profile.instant_notifications,
            "digest": profile.digest,
            "created_at": profile.created_at.isoformat(),
            "joined_at": profile.joined_at.isoformat() if profile.joined_at else None,
        },
        "posts": [post_data(post) for post in Post.objects.filter(author=user).order_by("pk")],
        "votes": list(
            Vote.objects.filter(user=user).order_by("pk").values("post_id", "value", "created_at")
        ),
        "follows": [
            {"question": follow.question_id, "theme": follow.theme_code or None}
            for follow in Follow.objects.filter(user=user).order_by("pk")
        ],
        "flags": list(
            Flag.objects.filter(reporter=user)
            .order_by("pk")
            .values("post_id", "reason", "note", "status", "created_at")
        ),
    }
