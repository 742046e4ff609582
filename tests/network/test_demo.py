import pytest

from cms.network import demo
from cms.network.models import MemberProfile, PointOfContact, Question

pytestmark = pytest.mark.django_db


def test_the_demo_has_members_questions_in_several_languages_and_contacts():
    members = MemberProfile.objects.filter(user__username__startswith="demo-", status="active")
    assert members.count() >= 5
    languages = set(Question.objects.values_list("language", flat=True))
    assert {"en", "fr", "ar", "zh-hans", "es"} <= languages
    assert Question.objects.filter(accepted_answer__isnull=False).exists()
    countries = set(PointOfContact.objects.values_list("country__code", flat=True))
    assert len(countries) >= 5


def test_loading_the_demo_again_changes_nothing():
    counts = (MemberProfile.objects.count(), Question.objects.count())
    contacts = PointOfContact.objects.count()
    demo.load()
    assert (MemberProfile.objects.count(), Question.objects.count()) == counts
    assert PointOfContact.objects.count() == contacts


def test_demo_posts_are_stored_as_sanitised_html():
    question = Question.objects.get(language="en", title__startswith="How do you mark")
    assert "<strong>import marking</strong>" in question.body_html
