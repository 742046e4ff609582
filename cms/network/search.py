"""Network questions in the search index: members-only documents, one per question.

A question's document holds its published answers too, so a search finds the thread by
what was answered. The search service never shows `members` documents to the public.
"""

from django.utils.html import strip_tags

from search.documents import MEMBERS, SearchDocument
from search.registry import SearchProvider

from .access import is_member
from .emails import question_url
from .models import Answer, Post, Question


def question_document(question):
    answers = Answer.objects.filter(question=question, state=Post.State.PUBLISHED)
    body = [strip_tags(question.body_html)] + [strip_tags(answer.body_html) for answer in answers]
    return SearchDocument(
        key=f"question:{question.pk}",
        kind="question",
        language=question.language,
        title=question.title,
        body="\n".join(body),
        url=question_url(question),
        visibility=MEMBERS,
        year=question.published_at.year if question.published_at else None,
        themes=[question.theme.code] if question.theme_id else [],
        countries=[question.country.code] if question.country_id else [],
        reference={"type": "question", "id": question.pk},
    )


class QuestionProvider(SearchProvider):
    prefix = "question"

    def published(self):
        return Question.objects.filter(state=Post.State.PUBLISHED).select_related(
            "theme", "country"
        )

    def document_for(self, object_id):
        question = self.published().filter(pk=object_id).first()
        return question_document(question) if question else None

    def all_documents(self):
        for question in self.published().iterator(chunk_size=200):
            yield question_document(question)

    def count_by_language(self):
        counts = {}
        for language in self.published().values_list("language", flat=True):
            counts[language] = counts.get(language, 0) + 1
        return counts


def on_post_changed(sender, instance, **kwargs):
    from search.sync import schedule

    question_id = instance.pk if isinstance(instance, Question) else instance.question_id
    schedule([f"question:{question_id}"])


def audiences(user):
    """Members find the members-only threads too."""
    return {MEMBERS} if is_member(user) else set()


def connect():
    from django.db.models.signals import post_delete, post_save

    for model in (Question, Answer):
        for signal in (post_save, post_delete):
            signal.connect(
                on_post_changed,
                sender=model,
                dispatch_uid=f"search-{model.__name__}-{signal is post_save}",
            )
