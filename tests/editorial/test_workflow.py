"""A page walks the editorial workflow through the admin, as editors and reviewers do."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from cms.accounts import roles

pytestmark = pytest.mark.usefixtures("demo_site", "eager_tasks")


@pytest.fixture
def team(make_user):
    return {
        "author": make_user("author", roles.editors_group_name("en"), language="fr"),
        "reviewer": make_user("reviewer", roles.REVIEWERS, language="es"),
        "english_reviewer": make_user(
            "english-reviewer", roles.language_reviewers_group_name("en"), language="ru"
        ),
        "french_reviewer": make_user(
            "french-reviewer", roles.language_reviewers_group_name("fr"), language="fr"
        ),
        "publisher": make_user("publisher", roles.PUBLISHERS, language="ar"),
    }


def edit_form(page, **extra):
    return {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **extra,
    }


def submit(client, user, page, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form(page, **{"action-submit": "1"}),
        )
    assert response.status_code == 302, response.content.decode()[:2000]


def act(client, user, page, action, django_capture_on_commit_callbacks, comment=""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
            {"comment": comment},
        )


def current_task_name(page):
    page.refresh_from_db()
    return page.current_workflow_task.name if page.current_workflow_task else None


def assert_refused(response):
    """The admin answers a forbidden action with a redirect home and an error message."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_a_page_goes_through_review_rejection_language_review_and_publication(
    client, team, draft_page, django_capture_on_commit_callbacks
):
    page = draft_page(owner=team["author"])
    assert not page.live

    # The author submits; the substantive reviewers are told, in their language.
    submit(client, team["author"], page, django_capture_on_commit_callbacks)
    assert current_task_name(page) == "Substantive review"
    (message,) = mails_to(team["reviewer"])
    assert "Stockpile management guide" in message.subject
    assert "ha sido enviada" in message.body  # Spanish, the reviewer's preferred language
    assert not mails_to(team["french_reviewer"])

    # The reviewer asks for changes, with a comment: the page returns to its author.
    mail.outbox.clear()
    response = act(
        client,
        team["reviewer"],
        page,
        "reject",
        django_capture_on_commit_callbacks,
        comment="Cite the MOSAIC module 05.20.",
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(pk=page.current_workflow_state.pk)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    (message,) = mails_to(team["author"])
    assert "Cite the MOSAIC module 05.20." in message.body
    assert "rejeté" in message.subject  # French, the author's preferred language

    # The author resubmits; the reviewer approves; the English language review begins.
    submit(client, team["author"], page, django_capture_on_commit_callbacks)
    assert current_task_name(page) == "Substantive review"
    act(client, team["reviewer"], page, "approve", django_capture_on_commit_callbacks)
    assert current_task_name(page) == "Language review"
    assert mails_to(team["english_reviewer"])
    assert not mails_to(team["french_reviewer"])

    # The page waits on the English language reviewer's dashboard, not on the French one's.
    client.force_login(team["english_reviewer"])
    assert page.title in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(team["french_reviewer"])
    assert page.title not in client.get(reverse("wagtailadmin_home")).content.decode()

    # Another language's reviewer is neither offered nor allowed the decision.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor.status_code in (302, 403)
    refused = act(
        client, team["french_reviewer"], page, "approve", django_capture_on_commit_callbacks
    )
    assert_refused(refused)
    assert current_task_name(page) == "Language review"

    # The English language reviewer sees the decision in the editor and approves.
    client.force_login(team["english_reviewer"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor.status_code == 200
    assert "Approve" in editor.content.decode()
    act(client, team["english_reviewer"], page, "approve", django_capture_on_commit_callbacks)
    assert current_task_name(page) == "Publication"

    # The reviewers are not publishers: only a publisher's approval publishes.
    refused = act(client, team["reviewer"], page, "approve", django_capture_on_commit_callbacks)
    assert_refused(refused)
    assert current_task_name(page) == "Publication"
    mail.outbox.clear()
    act(client, team["publisher"], page, "approve", django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    (message,) = mails_to(team["author"])
    assert "approuv" in message.subject

    statuses = list(
        TaskState.objects.filter(workflow_state__object_id=str(page.pk))
        .order_by("started_at", "id")
        .values_list("task__name", "status")
    )
    assert statuses == [
        ("Substantive review", "rejected"),
        ("Substantive review", "approved"),
        ("Language review", "approved"),
        ("Publication", "approved"),
    ]


def test_the_language_review_waits_for_the_reviewers_of_the_pages_own_language(
    team, make_user, draft_page
):
    from cms.editorial.models import LanguageReviewTask

    task = LanguageReviewTask.objects.get()
    french_page = draft_page(title="Guide", language="fr")
    assert task.get_actions(french_page, team["french_reviewer"])
    assert not task.get_actions(french_page, team["english_reviewer"])
    assert task.locked_for_user(french_page, team["english_reviewer"])
    assert not task.locked_for_user(french_page, team["french_reviewer"])
    assert task.user_can_access_editor(french_page, team["french_reviewer"])

    # The task itself refuses a decision from the wrong reviewer, whatever the caller.
    french_page.save_revision(user=team["author"])
    state = french_page.get_workflow().start(french_page, team["author"])
    while state.current_task_state.task.specific.__class__ is not LanguageReviewTask:
        state.current_task_state.approve(user=team["publisher"])
        state.refresh_from_db()
    with pytest.raises(PermissionDenied):
        task.on_action(state.current_task_state, team["english_reviewer"], "approve")
    task.on_action(state.current_task_state, team["french_reviewer"], "approve")
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Publication"
