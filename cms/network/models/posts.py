"""The forum's posts: questions, answers and comments share one `Post` table (multi-table
inheritance), so votes, flags, revisions and moderation treat every kind of post alike."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..rendering import render_markdown

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 20_000


class Post(models.Model):
    """What questions, answers and comments have in common."""

    class State(models.TextChoices):
        PUBLISHED = "published", _("Published")
        PENDING = "pending", _("Held for approval")
        HIDDEN = "hidden", _("Hidden by a moderator")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_posts",
        help_text=_("Empty once the author has left the network."),
    )
    body = models.TextField(_("body (Markdown)"), max_length=MAX_BODY_LENGTH)
    body_html = models.TextField(_("body (sanitised HTML)"), editable=False)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PUBLISHED
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        if self.state == self.State.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html", "published_at"}
        super().save(*args, **kwargs)

    @property
    def specific(self):
        for name in ("as_question", "as_answer", "as_comment"):
            try:
                return getattr(self, name)
            except models.ObjectDoesNotExist:
                continue
        return self

    @property
    def thread(self):
        """The question this post belongs to."""
        specific = self.specific
        if isinstance(specific, Question):
            return specific
        if isinstance(specific, Answer):
            return specific.question
        return specific.question


class Question(Post):
    post_ptr = models.OneToOneField(
        Post, parent_link=True, on_delete=models.CASCADE, related_name="as_question"
    )
    title = models.CharField(_("title"), max_length=MAX_TITLE_LENGTH)
    theme = models.ForeignKey(
        "core.ThematicArea",
        verbose_name=_("thematic area"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default="en"
    )
    country = models.ForeignKey(
        "core.Country",
        verbose_name=_("country concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_answer = models.OneToOneField(
        "Answer",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_for",
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Answer(Post):
    post_ptr = models.OneToOneField(
        Post, parent_link=True, on_delete=models.CASCADE, related_name="as_answer"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]


class Comment(Post):
    """A short remark on a question or on one of its answers."""

    post_ptr = models.OneToOneField(
        Post, parent_link=True, on_delete=models.CASCADE, related_name="as_comment"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="comments"
    )
    answer = models.ForeignKey(
        Answer,
        verbose_name=_("answer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]


class Revision(models.Model):
    """A post as it was before an edit."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("title"), max_length=MAX_TITLE_LENGTH, blank=True)
    body = models.TextField(_("body (Markdown)"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.post} @ {self.created_at:%Y-%m-%d %H:%M}"


# Named for the OpenAPI schema (see NetworkConfig.api_enum_names): the states of a post.
POST_STATES = Post.State.choices
