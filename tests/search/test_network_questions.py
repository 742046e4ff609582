"""Advisory Network threads are searchable by members and the secretariat, never the public."""

import pytest

from cms.core.models import ThematicArea
from cms.network.models import Answer, MemberProfile, Post, Question
from search.documents import MEMBERS
from search.registry import document_for_key

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def committed(django_capture_on_commit_callbacks, eager_tasks):
    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("searching-member")
    MemberProfile.objects.create(
        user=user,
        status=MemberProfile.Status.ACTIVE,
        display_name="Searching member",
        role=MemberProfile.Role.EXPERT,
    )
    return user


def ask(title, body, state=Post.State.PUBLISHED):
    theme = ThematicArea.objects.get(code="marking", locale__language_code="en")
    return Question.objects.create(title=title, body=body, theme=theme, language="en", state=state)


def test_a_question_and_its_answers_are_one_members_only_document(committed):
    question = committed(lambda: ask("Marking imported pistols", "Which marks on import?"))
    committed(
        lambda: Answer.objects.create(question=question, body="Use the **ISO** country code.")
    )
    document = document_for_key(f"question:{question.pk}")
    assert document.visibility == MEMBERS
    assert document.themes == ["marking"]
    assert "ISO country code" in document.body and "<strong>" not in document.body


def test_members_find_threads_the_public_cannot(client, member, committed):
    committed(lambda: ask("Ammunition lot numbering", "How do you number lots?"))
    anonymous = client.get("/api/v2/search/", {"q": "ammunition lot", "locale": "en"}).json()
    assert anonymous["meta"]["total_count"] == 0
    assert "question" not in anonymous["facets"]["kind"]

    client.force_login(member)
    found = client.get("/api/v2/search/", {"q": "ammunition lot", "locale": "en"}).json()
    assert [item["title"] for item in found["items"]] == ["Ammunition lot numbering"]
    assert found["items"][0]["reference"]["type"] == "question"


def test_held_or_hidden_questions_stay_out_of_the_index(member, committed):
    held = committed(lambda: ask("Held question", "Awaiting approval", Post.State.PENDING))
    assert document_for_key(f"question:{held.pk}") is None
    published = committed(lambda: ask("Visible question", "Published"))

    def hide():
        published.state = Post.State.HIDDEN
        published.save()

    committed(hide)
    assert document_for_key(f"question:{published.pk}") is None
