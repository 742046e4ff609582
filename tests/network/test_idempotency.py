"""An answer posted again after a timeout, with the same Idempotency-Key, is saved once; an
edit sent again is recorded once."""

import pytest

from cms.network import forum
from cms.network.models import Answer, Revision

pytestmark = pytest.mark.django_db


def test_a_retried_answer_is_saved_once(as_user, member, other_member, theme):
    question = forum.ask(member, title="Q", body="Body", theme=theme, language="en")
    api = as_user(other_member)
    url = f"/api/v2/network/questions/{question.pk}/answers/"
    sent = [
        api.post(url, {"body": "With a unique mark."}, format="json", HTTP_IDEMPOTENCY_KEY="a-1")
        for _attempt in range(3)
    ]
    assert [response.status_code for response in sent] == [201, 201, 201]
    assert {response.json()["id"] for response in sent} == {sent[0].json()["id"]}
    assert [response.get("Idempotent-Replayed") for response in sent] == [None, "true", "true"]
    assert Answer.objects.filter(question=question).count() == 1


def test_a_retried_edit_records_one_revision(as_user, member, theme):
    question = forum.ask(member, title="Q", body="First wording.", theme=theme, language="en")
    api = as_user(member)
    url = f"/api/v2/network/questions/{question.pk}/"
    sent = [
        api.patch(url, {"body": "Second wording."}, format="json", HTTP_IDEMPOTENCY_KEY="e-1")
        for _attempt in range(2)
    ]
    assert [response.status_code for response in sent] == [200, 200]
    assert sent[1]["Idempotent-Replayed"] == "true"
    assert sent[1].json() == sent[0].json()
    assert Revision.objects.filter(post=question).count() == 1

    # The same key for another edit is refused; without a key, an edit is an edit.
    reused = api.patch(url, {"body": "Third."}, format="json", HTTP_IDEMPOTENCY_KEY="e-1")
    assert reused.status_code == 422
    assert api.patch(url, {"body": "Third."}, format="json").status_code == 200
    assert Revision.objects.filter(post=question).count() == 2
