"""What members do in the forum: ask, answer, comment, edit, accept, vote, follow, flag.

Each function checks who may do it and refuses with Django's ValidationError (bad input,
400) or PermissionDenied (403), changing nothing. Posts by members who have not yet had
enough posts approved are held for a moderator.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import can_moderate, can_read_post, can_use_network, member_profile
from .models import (
    MAX_BODY_LENGTH,
    MAX_TITLE_LENGTH,
    Answer,
    Comment,
    Flag,
    Follow,
    MemberProfile,
    Post,
    Question,
    Revision,
    Vote,
)
from .notifications import queue_post_notifications


def first_posts_held():
    return settings.POAISS_NETWORK.get("FIRST_POSTS_HELD", 2)


def require_participant(user):
    if not can_use_network(user):
        raise PermissionDenied(_("Only members of the network may do this."))


def clean_body(body):
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write something: the post is empty.")]})
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            {"body": [_("A post is at most %(limit)d characters.") % {"limit": MAX_BODY_LENGTH}]}
        )
    return body


def clean_title(title):
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("A question needs a title.")]})
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError(
            {"title": [_("A title is at most %(limit)d characters.") % {"limit": MAX_TITLE_LENGTH}]}
        )
    return title


def initial_state(user):
    """Published at once, or held while the author is new to the network."""
    if can_moderate(user):
        return Post.State.PUBLISHED
    # Read afresh: approvals are counted in the database while the user object may be cached.
    approved = (
        MemberProfile.objects.filter(user=user).values_list("approved_posts", flat=True).first()
    )
    if approved is None or approved < first_posts_held():
        return Post.State.PENDING
    return Post.State.PUBLISHED


def follow_question(user, question):
    Follow.objects.get_or_create(user=user, question=question)


@transaction.atomic
def ask(user, *, title, body, theme, language, country=None):
    require_participant(user)
    question = Question.objects.create(
        author=user,
        title=clean_title(title),
        body=clean_body(body),
        theme=theme,
        language=language,
        country=country,
        state=initial_state(user),
    )
    follow_question(user, question)
    queue_post_notifications(question)
    return question


def require_readable(user, question):
    if not can_read_post(user, question):
        raise PermissionDenied(_("You cannot reply to this question."))


@transaction.atomic
def answer(user, question, *, body):
    require_participant(user)
    require_readable(user, question)
    reply = Answer.objects.create(
        author=user, question=question, body=clean_body(body), state=initial_state(user)
    )
    follow_question(user, question)
    queue_post_notifications(reply)
    return reply


@transaction.atomic
def comment(user, question, *, body, on_answer=None):
    require_participant(user)
    require_readable(user, question)
    if on_answer is not None and on_answer.question_id != question.pk:
        raise ValidationError({"answer": [_("That answer belongs to another question.")]})
    remark = Comment.objects.create(
        author=user,
        question=question,
        answer=on_answer,
        body=clean_body(body),
        state=initial_state(user),
    )
    queue_post_notifications(remark)
    return remark


@transaction.atomic
def edit(user, post, *, body=None, title=None):
    """Change a post, keeping what it was as a revision. Authors and moderators only."""
    require_participant(user)
    if post.author_id != user.pk and not can_moderate(user):
        raise PermissionDenied(_("Only the author or a moderator may edit this post."))
    if body is None and title is None:
        raise ValidationError({"body": [_("Nothing to change: give a new body or title.")]})
    specific = post.specific
    new_body = clean_body(body) if body is not None else specific.body
    new_title = None
    if isinstance(specific, Question) and title is not None:
        new_title = clean_title(title)
    Revision.objects.create(
        post=specific,
        title=getattr(specific, "title", ""),
        body=specific.body,
        edited_by=user,
    )
    specific.body = new_body
    if new_title is not None:
        specific.title = new_title
    specific.save()
    return specific


@transaction.atomic
def accept(user, question, reply):
    """The asker marks one answer as the accepted one (replacing any earlier choice)."""
    require_participant(user)
    if question.author_id != user.pk:
        raise PermissionDenied(_("Only the person who asked may accept an answer."))
    if reply.question_id != question.pk:
        raise ValidationError({"answer": [_("That answer belongs to another question.")]})
    if reply.state != Post.State.PUBLISHED:
        raise ValidationError({"answer": [_("Only a published answer can be accepted.")]})
    question.accepted_answer = reply
    question.save(update_fields=["accepted_answer"])
    return question


@transaction.atomic
def unaccept(user, question):
    require_participant(user)
    if question.author_id != user.pk:
        raise PermissionDenied(_("Only the person who asked may change the accepted answer."))
    question.accepted_answer = None
    question.save(update_fields=["accepted_answer"])
    return question


@transaction.atomic
def vote(user, post, value):
    require_participant(user)
    if not can_read_post(user, post):
        raise ValidationError({"post": [_("There is no such post.")]})
    if post.author_id == user.pk:
        raise ValidationError({"post": [_("You cannot vote on your own post.")]})
    if value not in (Vote.Value.UP, Vote.Value.DOWN):
        raise ValidationError({"value": [_("A vote is 1 or -1.")]})
    Vote.objects.update_or_create(post=post, user=user, defaults={"value": value})
    return score(post)


@transaction.atomic
def withdraw_vote(user, post):
    require_participant(user)
    Vote.objects.filter(post=post, user=user).delete()
    return score(post)


def score(post):
    return sum(Vote.objects.filter(post=post).values_list("value", flat=True))


@transaction.atomic
def flag(user, post, *, reason, note=""):
    require_participant(user)
    if not can_read_post(user, post):
        raise ValidationError({"post": [_("There is no such post.")]})
    if reason not in Flag.Reason.values:
        raise ValidationError({"reason": [_("Choose one of the listed reasons.")]})
    try:
        with transaction.atomic():
            return Flag.objects.create(post=post, reporter=user, reason=reason, note=note)
    except IntegrityError:
        raise ValidationError(
            {"post": [_("You have already flagged this post; a moderator will look at it.")]}
        ) from None


def follow_theme(user, theme_code):
    require_participant(user)
    Follow.objects.get_or_create(user=user, question=None, theme_code=theme_code)


def unfollow_theme(user, theme_code):
    Follow.objects.filter(user=user, question=None, theme_code=theme_code).delete()


def unfollow_question(user, question):
    Follow.objects.filter(user=user, question=question).delete()


# --- Moderation -----------------------------------------------------------------------------


def require_moderator(user):
    if not can_moderate(user):
        raise PermissionDenied(_("Only the secretariat moderates the network."))


@transaction.atomic
def approve(moderator, post):
    """Publish a held post; its author moves one step closer to posting freely."""
    require_moderator(moderator)
    if post.state != Post.State.PENDING:
        return post
    post.state = Post.State.PUBLISHED
    post.published_at = timezone.now()
    post.save(update_fields=["state", "published_at"])
    profile = member_profile(post.author) if post.author_id else None
    if profile is not None:
        type(profile).objects.filter(pk=profile.pk).update(approved_posts=F("approved_posts") + 1)
    queue_post_notifications(post.specific)
    return post


@transaction.atomic
def hide(moderator, post):
    require_moderator(moderator)
    post.state = Post.State.HIDDEN
    post.save(update_fields=["state"])
    Flag.objects.filter(post=post, status=Flag.Status.OPEN).update(
        status=Flag.Status.UPHELD, resolved_by=moderator, resolved_at=timezone.now()
    )
    return post


@transaction.atomic
def restore(moderator, post):
    require_moderator(moderator)
    post.state = Post.State.PUBLISHED
    post.save(update_fields=["state"])
    return post


@transaction.atomic
def dismiss_flags(moderator, post):
    require_moderator(moderator)
    return Flag.objects.filter(post=post, status=Flag.Status.OPEN).update(
        status=Flag.Status.DISMISSED, resolved_by=moderator, resolved_at=timezone.now()
    )


@transaction.atomic
def suspend(moderator, profile):
    require_moderator(moderator)
    profile.status = profile.Status.SUSPENDED
    profile.decided_by = moderator
    profile.save(update_fields=["status", "decided_by"])
    return profile


@transaction.atomic
def reinstate(moderator, profile):
    require_moderator(moderator)
    profile.activate(decided_by=moderator)
    return profile
