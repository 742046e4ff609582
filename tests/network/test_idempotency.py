"""An answer posted again after a timeout, with the same Idempotency-Key, is saved once."""

import pytest

from cms.network import forum
from cms.network.models import Answer

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
