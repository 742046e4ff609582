"""A course's thematic areas are chosen once per term, in the course's language."""

import pytest
from django.urls import reverse

from cms.core.models import ThematicArea
from cms.learning.models import CoursePage

pytestmark = pytest.mark.django_db


def test_the_thematic_areas_of_a_course_are_listed_once(admin_client):
    # (Translations of a course are edited in wagtail-localize's editor, synced from it.)
    language = "en"
    course = CoursePage.objects.filter(locale__language_code=language).first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert response.status_code == 200
    choices = response.context["form"].fields["thematic_areas"].queryset
    codes = list(choices.values_list("code", flat=True))
    assert len(codes) == len(set(codes)) == ThematicArea.objects.source().count()
    languages = set(choices.values_list("locale__language_code", flat=True))
    assert language in languages
    assert 'data-term-search="' in response.content.decode()
