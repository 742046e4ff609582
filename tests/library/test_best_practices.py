"""Best practices: referenced to thematic areas and MOSAIC modules, in six languages."""

import pytest

from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.models import ThematicArea
from cms.library.models import BestPracticePage

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.mark.parametrize("language", UN_LANGUAGE_CODES)
def test_a_best_practice_is_served_with_its_references_in_each_language(client, language):
    page = BestPracticePage.objects.filter(locale__language_code=language).live().first()
    data = client.get(f"/api/v2/pages/{page.pk}/", {"locale": language}).json()

    marking = ThematicArea.objects.get(code="marking", locale__language_code=language)
    assert data["meta"]["locale"] == language
    assert data["themes"][0] == {"code": "marking", "name": marking.name}
    assert [module["code"] for module in data["modules"]] == ["05.30", "05.31"]
    assert data["source"]["code"] == "unoda"
    assert data["body"], "the body blocks are served"
    english = BestPracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code="en"
    )
    if language != "en":
        assert data["title"] != english.title, "the title is translated"


def test_a_best_practice_page_renders_right_to_left_in_arabic(client):
    page = BestPracticePage.objects.filter(locale__language_code="ar").live().first()
    response = client.get(page.url)
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
    assert "الوسم" in response.content.decode()


def test_best_practices_are_found_by_thematic_area(client):
    data = client.get(
        "/api/v2/search/",
        {"q": "import", "locale": "en", "type": "best_practice", "theme": "tracing"},
    ).json()
    assert [item["title"] for item in data["items"]] == ["Marking small arms at the time of import"]
