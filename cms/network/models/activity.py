"""What members do with posts: vote, follow and flag."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .posts import Post, Question


class Vote(models.Model):
    class Value(models.IntegerChoices):
        UP = 1, _("Up")
        DOWN = -1, _("Down")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="network_votes",
        help_text=_("Empty once the voter has left the network; the vote still counts."),
    )
    value = models.SmallIntegerField(_("value"), choices=Value.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="network_vote_once_per_post")
        ]

    def __str__(self):
        return f"{self.value:+d} on {self.post}"


class Follow(models.Model):
    """A member follows a question (instant e-mails) or a thematic area (digests)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_follows"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    theme_code = models.CharField(_("thematic area code"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "question"],
                condition=models.Q(question__isnull=False),
                name="network_follow_question_once",
            ),
            models.UniqueConstraint(
                fields=["user", "theme_code"],
                condition=models.Q(question__isnull=True),
                name="network_follow_theme_once",
            ),
            models.CheckConstraint(
                condition=models.Q(question__isnull=False, theme_code="")
                | models.Q(question__isnull=True) & ~models.Q(theme_code=""),
                name="network_follow_question_or_theme",
            ),
        ]

    def __str__(self):
        return f"{self.user} follows {self.question or self.theme_code}"


class Flag(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        OFFENSIVE = "offensive", _("Offensive or abusive")
        OFF_TOPIC = "off_topic", _("Off topic")
        SENSITIVE = "sensitive", _("Sensitive or personal information")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Upheld: post hidden")
        DISMISSED = "dismissed", _("Dismissed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="network_flags",
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(status="open"),
                name="network_flag_once_while_open",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"
