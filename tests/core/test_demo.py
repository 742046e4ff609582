import polib
import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from cms.core.demo import CATALOGUE_DIR
from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.models import HomePage
from cms.library.models import DocumentationPage

pytestmark = pytest.mark.usefixtures("demo_site")


def catalogue(language):
    return {
        entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUE_DIR / f"{language}.po"))
    }


def test_a_live_home_page_exists_in_every_language():
    homes = HomePage.objects.live().select_related("locale")
    assert sorted(home.locale.language_code for home in homes) == sorted(UN_LANGUAGE_CODES)


@pytest.mark.parametrize("language", [code for code in UN_LANGUAGE_CODES if code != "en"])
def test_translations_come_from_the_catalogue_through_wagtail_localize(language):
    english = HomePage.objects.get(locale__language_code="en")
    translated = english.get_translation(
        english.locale.__class__.objects.get(language_code=language)
    )
    assert translated.title == catalogue(language)[english.title]
    assert translated.title != english.title
    assert translated.live


@pytest.mark.parametrize("language", UN_LANGUAGE_CODES)
def test_the_api_serves_the_home_page_in_each_language(client, language):
    response = client.get(
        "/api/v2/pages/", {"locale": language, "type": "core.HomePage", "fields": "intro"}
    )
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["meta"]["locale"] == language
    home = HomePage.objects.get(locale__language_code=language)
    assert (item["title"], item["intro"]) == (home.title, home.intro)


@pytest.mark.parametrize(
    ("language", "direction"), [("en", "ltr"), ("ar", "rtl"), ("zh-hans", "ltr")]
)
def test_the_home_page_renders_in_each_language_with_its_direction(client, language, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert HomePage.objects.get(locale__language_code=language).title in html


def test_the_secretary_general_report_carries_its_symbol_and_undocs_link(client):
    report = DocumentationPage.objects.get(locale__language_code="en", symbols__symbol="A/71/438")
    response = client.get(report.url)
    assert response.status_code == 200
    assert 'href="https://undocs.org/A/71/438"' in response.content.decode()
    api = client.get(f"/api/v2/pages/{report.pk}/").json()
    assert api["symbols"][0]["symbol"] == "A/71/438"
    assert api["symbols"][0]["url"] == "https://undocs.org/A/71/438"


def test_loading_the_demo_again_adds_nothing():
    before = Page.objects.count()
    call_command("load_demo", "--no-admin", verbosity=0)
    assert Page.objects.count() == before


def test_loading_the_demo_again_changes_no_demo_record(capsys):
    from assistance.models import Need, Resource
    from cms.network.models import MemberProfile, PointOfContact
    from cms.outbox.models import OutboxMessage

    def stamps():
        return {
            "members": list(MemberProfile.objects.order_by("pk").values_list("joined_at")),
            "contacts": list(PointOfContact.objects.order_by("pk").values_list("updated_at")),
            "needs": list(Need.objects.order_by("pk").values_list("updated_at")),
            "resources": list(Resource.objects.order_by("pk").values_list("updated_at")),
        }

    before, messages = stamps(), OutboxMessage.objects.count()
    call_command("load_demo", "--no-admin")
    assert stamps() == before
    assert OutboxMessage.objects.count() == messages  # nothing to rematch or re-index
    output = capsys.readouterr().out
    assert output.startswith("Summary:") and "Demo content is ready." in output
    assert "Task " not in output and "pages: 0 created" in output


def test_the_demo_admin_takes_its_password_from_the_environment(db, monkeypatch, django_user_model):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-demo-password")
    call_command("load_demo", verbosity=0)
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("a-long-demo-password")


def test_a_generated_demo_admin_password_is_printed(db, monkeypatch, django_user_model, capsys):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    call_command("load_demo")
    output = capsys.readouterr().out
    password = output.split("generated password: ")[1].split()[0]
    assert django_user_model.objects.get(username="admin").check_password(password)


@pytest.mark.parametrize("language", ["fr", "ar", "zh-hans"])
def test_interface_strings_are_translated_on_the_page(client, language):
    with translation.override(language):
        sections = translation.gettext("Sections")
    assert sections != "Sections"
    assert f"<h2>{sections}</h2>" in client.get(f"/{language}/").content.decode()


def test_every_demo_page_is_served_at_its_url_in_every_language(client, demo_site):
    pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    assert {page.locale.language_code for page in pages} == set(UN_LANGUAGE_CODES)
    for page in pages:
        response = client.get(page.get_url())
        assert response.status_code == 200, (page.locale.language_code, page.url_path)
