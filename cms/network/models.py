"""The Small Arms Advisory Network: members, the points-of-contact directory and the forum.

Questions, answers and comments share one `Post` table (multi-table inheritance), so votes,
flags, revisions and the moderation queue treat every kind of post alike. Taxonomy terms
(country, thematic area) are compared by their stable `code`, never by row.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.instruments import Instrument
from cms.core.states import not_a_reporting_state

from .rendering import render_markdown

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 20_000


def validate_language_codes(value):
    if not isinstance(value, list) or any(code not in LANGUAGE_CODES for code in value):
        raise ValidationError(
            _("Use a list of language codes among %(codes)s."),
            params={"codes": ", ".join(LANGUAGE_CODES)},
        )


class MemberProfile(models.Model):
    """A user's membership of the network: how they joined, who they are, what they know."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        REFUSED = "refused", _("Refused")
        LEFT = "left", _("Left")

    class Role(models.TextChoices):
        NATIONAL_POINT_OF_CONTACT = "national_point_of_contact", _("National point of contact")
        REGIONAL_ORGANISATION = "regional_organisation", _("Regional organisation")
        EXPERT = "expert", _("Expert")
        UN_STAFF = "un_staff", _("UN staff")

    Instrument = Instrument

    class Digest(models.TextChoices):
        NONE = "none", _("No digest")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_member",
        verbose_name=_("user"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.APPLIED
    )
    display_name = models.CharField(_("display name"), max_length=120)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    instrument = models.CharField(
        _("instrument"),
        max_length=10,
        choices=Instrument.choices,
        blank=True,
        help_text=_("For national points of contact: the instrument they are appointed for."),
    )
    country = models.ForeignKey(
        "core.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_language_codes]
    )
    expertise = models.ManyToManyField(
        "core.ThematicArea", verbose_name=_("thematic expertise"), blank=True, related_name="+"
    )
    application_note = models.TextField(_("application note"), blank=True)
    instant_notifications = models.BooleanField(_("instant e-mail notifications"), default=True)
    digest = models.CharField(
        _("digest"), max_length=6, choices=Digest.choices, default=Digest.WEEKLY
    )
    approved_posts = models.PositiveIntegerField(
        _("approved posts"),
        default=0,
        help_text=_("A new member's first posts are held for approval until this is reached."),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    joined_at = models.DateTimeField(_("joined at"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        # However the member was admitted (API, admin form), the date is recorded.
        if self.status == self.Status.ACTIVE and self.joined_at is None:
            self.joined_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # Only a State has national points of contact; experts and others may be anywhere.
        national = self.role == self.Role.NATIONAL_POINT_OF_CONTACT
        if national and self.country_id and not self.country.is_reporting_state:
            raise ValidationError({"country": not_a_reporting_state(self.country)})

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def country_code(self):
        return self.country.code if self.country_id else None

    @property
    def expertise_codes(self):
        return sorted(self.expertise.values_list("code", flat=True)) if self.pk else []

    def activate(self, decided_by=None):
        self.status = self.Status.ACTIVE
        self.decided_by = decided_by or self.decided_by
        self.joined_at = self.joined_at or timezone.now()
        self.save()


class PointOfContact(models.Model):
    """An entry of the directory: who to contact in a country or region, for which instrument.

    Names, organisations and roles are public; e-mail and telephone are for network members
    and the secretariat only.
    """

    Instrument = Instrument

    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")

    country = models.ForeignKey(
        "core.Country", verbose_name=_("country"), on_delete=models.CASCADE, related_name="+"
    )
    instrument = models.CharField(_("instrument"), max_length=10, choices=Instrument.choices)
    scope = models.CharField(
        _("national or regional"), max_length=8, choices=Scope.choices, default=Scope.NATIONAL
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=255)
    role_title = models.CharField(_("role or title"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("point of contact")
        verbose_name_plural = _("points of contact")
        ordering = ["country__code", "scope", "instrument", "name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    def clean(self):
        super().clean()
        # The directory is kept by State: territories have no points of contact of their own.
        if self.country_id and not self.country.is_reporting_state:
            raise ValidationError({"country": not_a_reporting_state(self.country)})


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


class Notification(models.Model):
    """An instant e-mail owed to a follower: written with the post, sent after commit.

    An outbox message written with the row sends it, so a broker outage delays the e-mail
    but does not lose it; the row records the sending, so it is never sent twice.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_notifications"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "post"], name="network_notify_once_per_post"
            )
        ]

    def __str__(self):
        return f"{self.post} to {self.recipient}"


class DigestDelivery(models.Model):
    """One digest per member, frequency and period: the record that makes sending idempotent."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_digests"
    )
    frequency = models.CharField(max_length=6, choices=MemberProfile.Digest.choices)
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()
    item_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "frequency", "period_start"],
                name="network_digest_once_per_period",
            )
        ]

    def __str__(self):
        return f"{self.frequency} digest {self.period_start:%Y-%m-%d} to {self.recipient}"


# Named for the OpenAPI schema (see ENUM_NAME_OVERRIDES): the states of a post.
POST_STATES = Post.State.choices
