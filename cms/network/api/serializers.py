"""Serializers of the network API: what is shown of posts, members and contacts."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from cms.api.languages import LANGUAGE_CODES

from ..models import (
    MAX_BODY_LENGTH,
    MAX_TITLE_LENGTH,
    Answer,
    Comment,
    Flag,
    MemberProfile,
    PointOfContact,
    Question,
    Revision,
    Vote,
)


class TermSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class AuthorSerializer(serializers.Serializer):
    """A post's author as members see them; empty once the author has left."""

    name = serializers.CharField()
    role = serializers.CharField(allow_null=True)
    country = serializers.CharField(allow_null=True)

    def get_attribute(self, instance):
        # Wrapped, so that a missing author is still represented rather than skipped.
        return {"user": super().get_attribute(instance)}

    def to_representation(self, value):
        user = value["user"]
        profile = getattr(user, "network_member", None) if user is not None else None
        if profile is None or profile.status == MemberProfile.Status.LEFT:
            return {"name": _("Former member"), "role": None, "country": None}
        return {
            "name": profile.display_name,
            "role": profile.role,
            "country": profile.country_code,
        }


def author_field():
    return AuthorSerializer(read_only=True, allow_null=True)


def theme_term(view, theme):
    return {"code": theme.code, "name": view.theme_names.get(theme.code, theme.name)}


class PostSerializer(serializers.ModelSerializer):
    author = author_field()
    body = serializers.CharField(max_length=MAX_BODY_LENGTH, trim_whitespace=True)
    body_html = serializers.CharField(read_only=True)
    score = serializers.SerializerMethodField()
    my_vote = serializers.SerializerMethodField()

    class Meta:
        fields = [
            "id",
            "author",
            "body",
            "body_html",
            "state",
            "score",
            "my_vote",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["state", "created_at", "updated_at"]

    def get_score(self, post) -> int:
        scores = self.context.get("scores")
        if scores is not None:
            return scores.get(post.pk, (0, None))[0]
        return sum(Vote.objects.filter(post_id=post.pk).values_list("value", flat=True))

    def get_my_vote(self, post) -> int | None:
        scores = self.context.get("scores")
        if scores is not None:
            return scores.get(post.pk, (0, None))[1]
        user = self.context["request"].user
        return (
            Vote.objects.filter(post_id=post.pk, user=user).values_list("value", flat=True).first()
        )


class CommentSerializer(PostSerializer):
    answer = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta(PostSerializer.Meta):
        model = Comment
        fields = [*PostSerializer.Meta.fields, "answer"]


class CommentWriteSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=MAX_BODY_LENGTH)
    answer = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Id of the answer commented on."
    )


class AnswerSerializer(PostSerializer):
    question = serializers.PrimaryKeyRelatedField(read_only=True)
    is_accepted = serializers.SerializerMethodField()

    class Meta(PostSerializer.Meta):
        model = Answer
        fields = [*PostSerializer.Meta.fields, "question", "is_accepted"]

    def get_is_accepted(self, answer) -> bool:
        return Question.objects.filter(pk=answer.question_id, accepted_answer=answer).exists()


class PostBodySerializer(serializers.Serializer):
    body = serializers.CharField(max_length=MAX_BODY_LENGTH)


class QuestionSerializer(PostSerializer):
    theme = serializers.SerializerMethodField()
    country = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, read_only=True)
    accepted_answer = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    answer_count = serializers.IntegerField(read_only=True)

    class Meta(PostSerializer.Meta):
        model = Question
        fields = [
            "id",
            "title",
            "theme",
            "language",
            "country",
            "accepted_answer",
            "answer_count",
            *PostSerializer.Meta.fields[1:],
        ]

    def get_theme(self, question) -> TermSerializer(allow_null=True):
        if question.theme is None:
            return None
        return theme_term(self.context["view"], question.theme)


class QuestionDetailSerializer(QuestionSerializer):
    answers = serializers.SerializerMethodField()
    comments = serializers.SerializerMethodField()

    class Meta(QuestionSerializer.Meta):
        fields = [*QuestionSerializer.Meta.fields, "answers", "comments"]

    def get_answers(self, question) -> AnswerSerializer(many=True):
        answers = self.context["view"].visible_answers(question)
        return AnswerSerializer(answers, many=True, context=self.context).data

    def get_comments(self, question) -> CommentSerializer(many=True):
        comments = self.context["view"].visible_comments(question)
        return CommentSerializer(comments, many=True, context=self.context).data


class QuestionWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=MAX_TITLE_LENGTH)
    body = serializers.CharField(max_length=MAX_BODY_LENGTH)
    theme = serializers.CharField(max_length=40, help_text="Code of a thematic area.")
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    country = serializers.CharField(
        max_length=2, required=False, allow_null=True, help_text="ISO alpha-2 code."
    )


class QuestionEditSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=MAX_TITLE_LENGTH, required=False)
    body = serializers.CharField(max_length=MAX_BODY_LENGTH, required=False)


class RevisionSerializer(serializers.ModelSerializer):
    edited_by = author_field()

    class Meta:
        model = Revision
        fields = ["id", "post", "title", "body", "edited_by", "created_at"]


class VoteSerializer(serializers.Serializer):
    post = serializers.IntegerField(min_value=1, help_text="Id of the question, answer or comment.")
    value = serializers.ChoiceField(choices=[1, -1, 0], help_text="1 up, -1 down, 0 withdraws.")


class VoteResultSerializer(serializers.Serializer):
    post = serializers.IntegerField()
    score = serializers.IntegerField()
    value = serializers.IntegerField(allow_null=True)


class FlagSerializer(serializers.Serializer):
    post = serializers.IntegerField(min_value=1, help_text="Id of the question, answer or comment.")
    reason = serializers.ChoiceField(choices=Flag.Reason.choices)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class FlagResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = Flag
        fields = ["id", "post", "reason", "note", "status", "created_at"]


class FollowingSerializer(serializers.Serializer):
    following = serializers.BooleanField()


class NetworkThemeSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    locale = serializers.CharField()
    is_fallback = serializers.BooleanField()
    question_count = serializers.IntegerField()
    following = serializers.BooleanField()


class MemberProfileSerializer(serializers.ModelSerializer):
    country = serializers.CharField(
        source="country_code", max_length=2, required=False, allow_null=True
    )
    expertise = serializers.ListField(
        child=serializers.CharField(max_length=40),
        source="expertise_codes",
        required=False,
        help_text="Thematic area codes.",
    )
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=LANGUAGE_CODES),
        required=False,
    )

    class Meta:
        model = MemberProfile
        fields = [
            "status",
            "display_name",
            "role",
            "instrument",
            "country",
            "organisation",
            "languages",
            "expertise",
            "application_note",
            "instant_notifications",
            "digest",
            "joined_at",
        ]
        read_only_fields = ["status", "joined_at"]


class ContactSerializer(serializers.ModelSerializer):
    """Public fields for everyone; e-mail and telephone only for members and the secretariat."""

    country = serializers.SerializerMethodField()
    email = serializers.EmailField(required=False, help_text="Members and the secretariat only.")
    telephone = serializers.CharField(required=False, help_text="Members and the secretariat only.")

    class Meta:
        model = PointOfContact
        fields = [
            "id",
            "country",
            "instrument",
            "scope",
            "name",
            "organisation",
            "role_title",
            "email",
            "telephone",
            "updated_at",
        ]

    def get_country(self, contact) -> TermSerializer:
        names = self.context["view"].country_names
        return {
            "code": contact.country.code,
            "name": names.get(contact.country.code, contact.country.name),
        }

    def to_representation(self, contact):
        data = super().to_representation(contact)
        if not self.context["view"].shows_contact_details:
            data.pop("email")
            data.pop("telephone")
        return data
