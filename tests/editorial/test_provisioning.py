"""Role groups get their permissions on every locale tree, and keep them when run again."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from cms.accounts import roles
from cms.editorial.models import LanguageReviewTask, SubstantiveReviewTask
from cms.editorial.provisioning import provision

from .conftest import home_page

pytestmark = pytest.mark.usefixtures("demo_site")


def first_child(language):
    return Page.objects.child_of(home_page(language)).first()


def test_every_locale_tree_is_under_the_editorial_workflow():
    for language in ("en", "fr", "es", "ru", "ar", "zh-hans"):
        workflow = home_page(language).get_workflow()
        assert workflow.name == "Editorial review"
        tasks = [task.specific for task in workflow.tasks]
        assert [type(task) for task in tasks][:2] == [SubstantiveReviewTask, LanguageReviewTask]
        assert [group.name for group in tasks[0].groups.all()] == [roles.REVIEWERS]
        assert [group.name for group in tasks[2].groups.all()] == [roles.PUBLISHERS]


def test_editors_edit_their_own_language_tree_only(make_user):
    editor = make_user("redacteur", roles.editors_group_name("fr"))
    french_page = first_child("fr")
    english_page = first_child("en")

    assert french_page.permissions_for_user(editor).can_edit()
    assert not french_page.permissions_for_user(editor).can_publish()
    assert not english_page.permissions_for_user(editor).can_edit()
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("wagtail_localize.submit_translation")


def test_publishers_publish_in_every_language(make_user):
    publisher = make_user("publisher", roles.PUBLISHERS)
    for language in ("en", "ar", "zh-hans"):
        page = first_child(language)
        assert page.permissions_for_user(publisher).can_publish()


def test_the_secretariat_manages_the_taxonomy_and_media(make_user):
    secretariat = make_user("unoda", roles.SECRETARIAT)
    assert secretariat.has_perm("core.change_country")
    assert secretariat.has_perm("core.add_thematicarea")
    assert secretariat.has_perm("core.delete_organisation")
    assert not secretariat.has_perm("core.change_headlesspreview")
    from wagtail.images.permissions import permission_policy as image_policy

    assert image_policy.user_has_permission(secretariat, "add")


def test_publishers_and_the_secretariat_keep_the_sites_menus(make_user):
    for user in (make_user("publisher", roles.PUBLISHERS), make_user("unoda", roles.SECRETARIAT)):
        assert user.has_perm("website.change_navigationmenu")
        assert user.has_perm("website.add_navigationmenu")
    editor = make_user("redacteur", roles.editors_group_name("fr"))
    assert not editor.has_perm("website.change_navigationmenu")


def test_running_again_adds_nothing_and_keeps_an_administrators_choice():
    before = GroupPagePermission.objects.count()
    home = home_page("ru")
    assignment = WorkflowPage.objects.get(page=home)
    provision()
    provision()
    assert GroupPagePermission.objects.count() == before
    assert WorkflowPage.objects.get(page=home).workflow_id == assignment.workflow_id


def test_a_new_locale_tree_is_provisioned_when_its_home_page_appears(
    django_capture_on_commit_callbacks,
):
    from wagtail.models import Locale

    from cms.core.models import HomePage

    locale = Locale.objects.create(language_code="pt")
    with django_capture_on_commit_callbacks(execute=True):
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Início", slug="inicio-pt", locale=locale)
        )
    assert home.get_workflow().name == "Editorial review"
    publishers = Group.objects.get(name=roles.PUBLISHERS)
    assert GroupPagePermission.objects.filter(
        group=publishers, page=home, permission__codename="publish_page"
    ).exists()


def test_migrate_grants_again_what_is_missing():
    from django.core.management import call_command

    editors = Group.objects.get(name=roles.editors_group_name("ar"))
    GroupPagePermission.objects.filter(group=editors).delete()
    editors.permissions.clear()

    call_command("migrate", verbosity=0)

    assert GroupPagePermission.objects.filter(group=editors, page=home_page("ar")).exists()
    assert editors.permissions.filter(codename="access_admin").exists()


def test_permissions_made_by_migrations_may_be_missing_without_breaking_provisioning():
    # A flushed test database recreates model permissions, not those made by migrations.
    from django.contrib.auth.models import Permission

    Permission.objects.filter(codename="submit_translation").delete()
    provision()
    assert (
        Group.objects.get(name=roles.PUBLISHERS)
        .permissions.filter(codename="access_admin")
        .exists()
    )
