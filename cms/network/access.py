"""Who may see and do what in the network. Every endpoint, e-mail and export asks here."""

from django.db.models import Q

from cms.accounts.roles import is_secretariat

from .models import MemberProfile, Post, Question


def member_profile(user):
    if not user or not user.is_authenticated:
        return None
    try:
        return user.network_member
    except MemberProfile.DoesNotExist:
        return None


def is_member(user):
    """An active member: not an applicant, not suspended, not gone."""
    profile = member_profile(user)
    return bool(profile and profile.is_active)


def can_use_network(user):
    """Members and the secretariat read the forum and the contact details."""
    return is_member(user) or is_secretariat(user)


can_see_contact_details = can_use_network


def can_moderate(user):
    return is_secretariat(user)


def visible_post_filter(user, prefix=""):
    """A Q object selecting the posts `user` may read (an empty Q for moderators)."""
    if can_moderate(user):
        return Q()
    published = Q(**{f"{prefix}state": Post.State.PUBLISHED})
    if user and user.is_authenticated:
        # Authors see their own posts while they are held or hidden.
        return published | Q(**{f"{prefix}author": user})
    return published


def visible_questions(user):
    if not can_use_network(user):
        return Question.objects.none()
    return Question.objects.filter(visible_post_filter(user))


def published_for_everyone(post):
    """True when every member may read the post: it and its question are published."""
    specific = post.specific
    question = specific if isinstance(specific, Question) else specific.question
    if question.state != Post.State.PUBLISHED or specific.state != Post.State.PUBLISHED:
        return False
    answer = getattr(specific, "answer", None)
    return answer is None or answer.state == Post.State.PUBLISHED


def can_read_post(user, post):
    if not can_use_network(user):
        return False
    if can_moderate(user) or published_for_everyone(post):
        return True
    return post.author_id == user.pk
