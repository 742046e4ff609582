"""A translator exports a page to PO, imports it back, and the translation waits for review."""

import polib
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from cms.accounts import roles
from cms.core.models import SectionPage

pytestmark = pytest.mark.usefixtures("demo_site", "eager_tasks")

NEW_INTRO = "Le Réseau consultatif sur les armes légères relie les praticiens."


@pytest.fixture
def team(make_user):
    return {
        "translator": make_user("traducteur", roles.editors_group_name("fr"), language="fr"),
        "french_reviewer": make_user(
            "relecteur", roles.language_reviewers_group_name("fr"), language="fr"
        ),
        "spanish_reviewer": make_user(
            "revisor", roles.language_reviewers_group_name("es"), language="es"
        ),
        "reviewer": make_user("reviewer", roles.REVIEWERS),
        "publisher": make_user("publisher", roles.PUBLISHERS),
    }


@pytest.fixture
def french_network():
    english = SectionPage.objects.get(locale__language_code="en", slug="network")
    french = english.get_translation(english.locale.__class__.objects.get(language_code="fr"))
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=french.locale
    )
    return english, french.specific, translation


def translate_through_po_file(client, translation):
    """Download the PO file, fill the introduction, upload it back — as a translator does."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    (entry,) = [entry for entry in po if entry.msgctxt == "intro"]
    entry.msgstr = NEW_INTRO
    upload = SimpleUploadedFile("network-fr.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload}
    )
    assert response.status_code == 302


def test_a_translation_submitted_from_the_translation_editor_waits_for_language_review(
    client, team, french_network, django_capture_on_commit_callbacks
):
    english, french, translation = french_network
    live_intro, live_revision_id = french.intro, french.live_revision_id
    client.force_login(team["translator"])
    translate_through_po_file(client, translation)

    # The translation editor offers the submission (the translator may not publish).
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert editor.status_code == 200
    content = editor.content.decode()
    assert "js-translation-editor" in content
    assert reverse("editorial:submit_translation", args=[translation.pk]) in content
    assert "canPublish&quot;: false" in content

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("editorial:submit_translation", args=[translation.pk]))
    assert response.status_code == 302

    french = Page.objects.get(pk=french.pk).specific
    # Not live: the live page still shows the old text; the draft carries the new one.
    assert french.intro == live_intro
    assert french.get_latest_revision_as_object().intro == NEW_INTRO
    # The substance was reviewed in English: the translation goes to language review.
    assert french.current_workflow_task.name == "Language review"
    recipients = {address for message in mail.outbox for address in message.to}
    assert team["french_reviewer"].email in recipients
    assert team["spanish_reviewer"].email not in recipients
    assert team["reviewer"].email not in recipients

    # The French language reviewer decides from the translation editor itself.
    client.force_login(team["french_reviewer"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert editor.status_code == 200
    task_state = french.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[french.pk, "approve", task_state.pk]
    )
    assert approve_url in editor.content.decode()

    client.force_login(team["spanish_reviewer"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).status_code == 302
    client.post(approve_url)
    assert Page.objects.get(pk=french.pk).current_workflow_task.name == "Language review"

    # The French reviewer asks for a change; the translator reads it beside the translation.
    client.force_login(team["french_reviewer"])
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[french.pk, "reject", task_state.pk]
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reject_url, {"comment": "« praticiens » : préférer « spécialistes »."})
    (message,) = mail.outbox
    assert message.to == [team["translator"].email]
    assert "préférer « spécialistes »" in message.body
    client.force_login(team["translator"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).content.decode()
    assert "préférer « spécialistes »" in editor
    assert "Resubmit for language review" in editor
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("editorial:submit_translation", args=[translation.pk]))
    french = Page.objects.get(pk=french.pk).specific
    assert french.current_workflow_task.name == "Language review"
    assert french.intro == live_intro
    assert french.live_revision_id == live_revision_id

    client.force_login(team["french_reviewer"])
    task_state = french.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[french.pk, "approve", task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url)
    french = Page.objects.get(pk=french.pk).specific
    assert french.current_workflow_task.name == "Publication"

    client.force_login(team["publisher"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[french.pk, "approve", french.current_workflow_task_state.pk],
            )
        )
    french = Page.objects.get(pk=french.pk).specific
    assert french.intro == NEW_INTRO
    assert french.live


def test_a_translator_cannot_submit_another_languages_translation(client, team):
    english = SectionPage.objects.get(locale__language_code="en", slug="network")
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale__language_code="es"
    )
    client.force_login(team["translator"])
    response = client.post(reverse("editorial:submit_translation", args=[translation.pk]))
    # Refused: the admin sends the user home with an error.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    spanish = english.get_translation(translation.target_locale)
    assert spanish.current_workflow_state is None
