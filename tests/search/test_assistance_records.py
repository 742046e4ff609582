"""Needs, resources and projects are searchable in the languages they are written in, and a
need the State has not agreed to publish is found by the secretariat only."""

import pytest
from django.contrib.auth.models import Group

from assistance.models import Need
from cms.accounts.roles import SECRETARIAT
from search.registry import document_for_key

pytestmark = pytest.mark.usefixtures("indexed_demo")


def find(client, text, **params):
    response = client.get("/api/v2/search/", {"q": text, "locale": "en", **params})
    return [item["title"] for item in response.json()["items"]]


def test_a_published_need_is_found_by_everyone_in_each_of_its_languages(client):
    need = Need.objects.filter(consent_to_publish=True).exclude(translations={}).first()
    language = next(iter(need.translations))
    translated_title = need.translations[language]["title"]
    assert need.title in find(client, need.title, type="need")
    assert translated_title in find(client, translated_title, locale=language)
    missing = next(code for code in ("ru", "ar", "zh-hans") if code not in need.translations)
    assert document_for_key(f"need:{need.pk}:{missing}") is None


def test_an_unpublished_need_is_the_secretariats_alone(client, django_user_model):
    need = Need.objects.exclude(status__in=Need.PUBLIC_STATUSES).first()
    assert need.title not in find(client, need.title)
    staff = django_user_model.objects.create_user("staff-searcher")
    staff.groups.add(Group.objects.get(name=SECRETARIAT))
    client.force_login(staff)
    assert need.title in find(client, need.title)


def test_a_need_reaches_the_index_when_it_is_published_with_consent(
    client, eager_tasks, django_capture_on_commit_callbacks
):
    need = Need.objects.exclude(status__in=Need.PUBLIC_STATUSES).first()
    with django_capture_on_commit_callbacks(execute=True):
        need.status = Need.Status.PUBLISHED
        need.consent_to_publish = True
        need.save()
    assert need.title in find(client, need.title, country=need.country.code)
