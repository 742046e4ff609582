from html.parser import HTMLParser

import pytest

from cms.network import forum
from cms.network.models import Post, Question, Revision

pytestmark = pytest.mark.django_db

QUESTIONS = "/api/v2/network/questions/"


def ask(api, theme, **extra):
    data = {
        "title": "Marking imported weapons",
        "body": "How do you *mark* imports?",
        "theme": theme.code,
        "language": "en",
        **extra,
    }
    return api.post(QUESTIONS, data, format="json")


def test_a_member_asks_and_another_answers_and_the_asker_accepts(
    as_user, member, other_member, theme
):
    asked = ask(as_user(member), theme, country="ke")
    assert asked.status_code == 201, asked.json()
    question = asked.json()
    assert question["body_html"] == "<p>How do you <em>mark</em> imports?</p>"
    assert question["country"] == "KE"
    assert question["author"]["name"] == "Amina"

    answered = as_user(other_member).post(
        f"{QUESTIONS}{question['id']}/answers/", {"body": "With a unique mark."}, format="json"
    )
    assert answered.status_code == 201
    answer_id = answered.json()["id"]

    accept_url = f"{QUESTIONS}{question['id']}/answers/{answer_id}/accept/"
    accepted = as_user(member).post(accept_url)
    assert accepted.status_code == 200 and accepted.json()["is_accepted"] is True
    assert Question.objects.get(pk=question["id"]).accepted_answer_id == answer_id
    answered_filter = as_user(member).get(QUESTIONS, {"status": "answered"}).json()
    assert question["id"] in [item["id"] for item in answered_filter["items"]]
    still_open = as_user(member).get(QUESTIONS, {"status": "open"}).json()
    assert question["id"] not in [item["id"] for item in still_open["items"]]

    withdrawn = as_user(member).delete(accept_url)
    assert withdrawn.status_code == 200 and withdrawn.json()["is_accepted"] is False
    assert Question.objects.get(pk=question["id"]).accepted_answer_id is None


def test_accepting_an_answer_on_someone_elses_question_is_refused(
    as_user, member, other_member, theme
):
    question = forum.ask(member, title="Q", body="Body", theme=theme, language="en")
    answer = forum.answer(other_member, question, body="An answer")
    response = as_user(other_member).post(f"{QUESTIONS}{question.pk}/answers/{answer.pk}/accept/")
    assert response.status_code == 403
    assert response.json()["message"]
    question.refresh_from_db()
    assert question.accepted_answer_id is None


def parsed_elements(html):
    """(tag, attributes) of every element, as a browser would see them."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def test_an_xss_payload_is_neutralised_in_the_stored_html(as_user, member, theme):
    payload = (
        '<script>alert("x")</script> <img src=x onerror=alert(1)> '
        "[click](javascript:alert(1)) [site](https://example.org)\n\n"
        '<a href="https://evil.example" onclick="steal()">raw</a>'
    )
    response = ask(as_user(member), theme, body=payload)
    assert response.status_code == 201
    stored = Post.objects.get(pk=response.json()["id"]).body_html
    elements = parsed_elements(stored)
    assert {tag for tag, _attributes in elements} == {"p", "a"}
    links = [dict(attributes) for tag, attributes in elements if tag == "a"]
    # The raw <a> stays text; only the Markdown link to a web address becomes a link.
    assert links == [{"href": "https://example.org", "rel": "nofollow ugc noopener"}]


@pytest.mark.parametrize(
    "body, field",
    [("", "body"), ("   ", "body"), ("x" * 100_000, "body")],
)
def test_empty_and_oversized_posts_are_refused_and_change_nothing(
    as_user, member, theme, body, field
):
    before = Post.objects.count()
    response = ask(as_user(member), theme, body=body)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Post.objects.count() == before


def test_unknown_theme_is_a_400(as_user, member):
    response = as_user(member).post(
        QUESTIONS,
        {"title": "T", "body": "B", "theme": "no-such-theme", "language": "en"},
        format="json",
    )
    assert response.status_code == 400
    assert "theme" in response.json()["errors"]


def test_voting_on_ones_own_post_is_refused(as_user, member, other_member, theme):
    question = forum.ask(member, title="Q", body="Body", theme=theme, language="en")
    own = as_user(member).post(
        f"{QUESTIONS}{question.pk}/votes/", {"post": question.pk, "value": 1}, format="json"
    )
    assert own.status_code == 400
    assert question.votes.count() == 0
    other = as_user(other_member).post(
        f"{QUESTIONS}{question.pk}/votes/", {"post": question.pk, "value": 1}, format="json"
    )
    assert other.status_code == 200 and other.json()["score"] == 1
    again = as_user(other_member).post(
        f"{QUESTIONS}{question.pk}/votes/", {"post": question.pk, "value": -1}, format="json"
    )
    assert again.json()["score"] == -1


def test_flags_on_missing_posts_are_refused(as_user, member, other_member, theme):
    question = forum.ask(member, title="Q", body="Body", theme=theme, language="en")
    missing = as_user(other_member).post(
        f"{QUESTIONS}{question.pk}/flags/", {"post": 99_999_999, "reason": "spam"}, format="json"
    )
    assert missing.status_code == 400
    assert "post" in missing.json()["errors"]
    flagged = as_user(other_member).post(
        f"{QUESTIONS}{question.pk}/flags/", {"post": question.pk, "reason": "spam"}, format="json"
    )
    assert flagged.status_code == 201
    twice = as_user(other_member).post(
        f"{QUESTIONS}{question.pk}/flags/", {"post": question.pk, "reason": "spam"}, format="json"
    )
    assert twice.status_code == 400
    assert question.flags.count() == 1


def test_editing_keeps_the_revision_history(as_user, member, other_member, theme):
    question = forum.ask(member, title="First title", body="First body", theme=theme, language="en")
    edited = as_user(member).patch(
        f"{QUESTIONS}{question.pk}/",
        {"title": "Better title", "body": "Better body"},
        format="json",
    )
    assert edited.status_code == 200
    assert edited.json()["body_html"] == "<p>Better body</p>"
    revisions = as_user(member).get(f"{QUESTIONS}{question.pk}/revisions/").json()
    assert [(r["title"], r["body"]) for r in revisions] == [("First title", "First body")]
    refused = as_user(other_member).patch(
        f"{QUESTIONS}{question.pk}/", {"body": "Vandalised"}, format="json"
    )
    assert refused.status_code == 403
    assert Revision.objects.filter(post=question).count() == 1
    empty = as_user(member).patch(f"{QUESTIONS}{question.pk}/", {}, format="json")
    assert empty.status_code == 400
    assert Revision.objects.filter(post=question).count() == 1


def test_filters_and_search(as_user, member, theme):
    audits = forum.ask(member, title="Stockpile audits", body="Ammo", theme=theme, language="fr")
    tracing = forum.ask(
        member, title="Tracing requests", body="Interpol", theme=theme, language="en"
    )
    api = as_user(member)
    french = [item["id"] for item in api.get(QUESTIONS, {"language": "fr"}).json()["items"]]
    assert audits.pk in french and tracing.pk not in french
    found = api.get(QUESTIONS, {"search": "tracing INTERPOL"}).json()
    assert [item["title"] for item in found["items"]] == ["Tracing requests"]
    by_theme = api.get(QUESTIONS, {"theme": theme.code}).json()
    assert by_theme["meta"]["total_count"] >= 2
