import pytest

from cms.core.models import HomePage, SectionPage

pytestmark = pytest.mark.usefixtures("demo_site")


def test_internal_links_in_rich_text_reach_the_api_as_urls(
    client, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get(locale__language_code="en")
    about = SectionPage.objects.get(locale__language_code="en", slug="about")
    home.body = [("paragraph", f'<p>Read <a linktype="page" id="{about.pk}">about us</a>.</p>')]
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()

    data = client.get(f"/api/v2/pages/{home.pk}/").json()
    paragraph = data["body"][0]
    assert paragraph["type"] == "paragraph"
    assert 'href="/en/about/"' in paragraph["value"]
    assert "linktype" not in paragraph["value"]
