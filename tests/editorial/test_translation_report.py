"""The translation status report lists missing and out-of-date translations."""

import csv
import io

import pytest
from django.urls import reverse
from wagtail.models import Locale

from cms.accounts import roles
from cms.core.models import SectionPage
from cms.editorial.translation_status import MISSING, OUT_OF_DATE, translation_statuses

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def changes(draft_page):
    """An English page never translated, and an English page changed after translation."""
    untranslated = draft_page(title="Marking and record-keeping")
    untranslated.save_revision().publish()
    network = SectionPage.objects.get(locale__language_code="en", slug="network")
    network.intro = "A new introduction, not yet translated."
    network.save_revision().publish()
    return untranslated, network


def test_the_demo_starts_with_every_translation_up_to_date():
    assert translation_statuses() == []


def test_missing_and_out_of_date_translations_are_found(changes):
    untranslated, network = changes
    rows = translation_statuses()
    missing = {(row.source.pk, row.language_code) for row in rows if row.status == MISSING}
    outdated = {(row.source.pk, row.language_code) for row in rows if row.status == OUT_OF_DATE}
    languages = {"fr", "es", "ru", "ar", "zh-hans"}
    assert missing == {(untranslated.pk, code) for code in languages}
    assert outdated == {(network.pk, code) for code in languages}


def test_a_translation_published_after_the_sync_is_up_to_date_again(
    changes, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation, TranslationSource

    _untranslated, network = changes
    source = TranslationSource.objects.get(
        object_id=network.translation_key, locale__language_code="en"
    )
    source.update_from_db()
    french = Locale.objects.get(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=french).save_target(publish=True)

    rows = translation_statuses(statuses=[OUT_OF_DATE])
    assert {row.language_code for row in rows if row.source.pk == network.pk} == {
        "es",
        "ru",
        "ar",
        "zh-hans",
    }


def test_the_report_shows_counts_and_links_and_filters(client, make_user, changes):
    untranslated, network = changes
    client.force_login(make_user("editor", roles.editors_group_name("fr")))
    url = reverse("editorial:translation_status")

    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Translations to write or update, by page type and language: 10" in content
    assert "1 missing, 1 out of date" in content
    assert reverse("wagtailadmin_pages:edit", args=[network.pk]) in content
    assert reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk]) in content

    response = client.get(url, {"language": "fr", "status": OUT_OF_DATE})
    content = response.content.decode()
    assert "Translations to write or update, by page type and language: 1" in content
    french_network = network.get_translation(Locale.objects.get(language_code="fr"))
    assert reverse("wagtailadmin_pages:edit", args=[french_network.pk]) in content
    assert "Marking and record-keeping" not in content


def test_the_report_exports_csv(client, make_user, changes):
    client.force_login(make_user("publisher", roles.PUBLISHERS))
    response = client.get(
        reverse("editorial:translation_status"), {"export": "csv", "status": MISSING}
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row["Language"] for row in rows} == {"fr", "es", "ru", "ar", "zh-hans"}
    assert {row["Page"] for row in rows} == {"Marking and record-keeping"}
    assert {row["Status"] for row in rows} == {"Missing"}


@pytest.mark.parametrize("group", [roles.REVIEWERS, roles.NATIONAL_POINTS_OF_CONTACT])
def test_the_report_is_closed_to_those_who_do_not_translate(client, make_user, changes, group):
    # Its rows name pages of every tree, drafts included.
    client.force_login(make_user("someone", group))
    response = client.get(reverse("editorial:translation_status"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert "Translation status" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_is_in_the_reports_menu_of_translators(client, make_user):
    client.force_login(make_user("traductrice", roles.editors_group_name("fr")))
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("editorial:translation_status") in content
