"""Permissions of the role groups and the default editorial workflow, granted idempotently.

Page permissions and workflows hang on each locale's home page, which exists only once
content is loaded, so this runs after every migrate, from the demo loader, and whenever a
new locale home page is created — not only in a migration. Running it again changes
nothing; it only adds what is missing and never removes what an administrator granted.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.accounts.roles import (
    NATIONAL_POINTS_OF_CONTACT,
    PUBLISHERS,
    REVIEWERS,
    SECRETARIAT,
    all_group_names,
    editors_group_name,
)
from cms.core.languages import UN_LANGUAGE_CODES, source_language

from .models import LanguageReviewTask, SubstantiveReviewTask

# Stable names (they identify the rows); their display in e-mails is translated.
WORKFLOW_NAME = _("Editorial review")
SUBSTANTIVE_REVIEW_NAME = _("Substantive review")
LANGUAGE_REVIEW_NAME = _("Language review")
PUBLICATION_NAME = _("Publication")

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
PUBLISHER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")
TAXONOMY_MODELS = (
    "thematicarea",
    "mosaicmodule",
    "assistanceform",
    "organisationtype",
    "region",
    "country",
    "organisation",
)


def permissions(app_label, *codenames):
    """The named permissions that exist (a flushed test database lacks those made by migrations)."""
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def role_groups():
    return {name: Group.objects.get_or_create(name=name)[0] for name in all_group_names()}


def editor_groups(groups):
    return [groups[editors_group_name(code)] for code in UN_LANGUAGE_CODES]


def locale_home_pages():
    """The root page of each locale's tree (one per language, all at depth 2)."""
    return Page.objects.filter(depth=2).select_related("locale")


def grant_model_permissions(groups):
    access_admin = permissions("wagtailadmin", "access_admin")
    for group in groups.values():
        group.permissions.add(*access_admin)

    submit_translation = permissions("wagtail_localize", "submit_translation")
    for group in [*editor_groups(groups), groups[PUBLISHERS]]:
        group.permissions.add(*submit_translation)

    groups[SECRETARIAT].permissions.add(
        *Permission.objects.filter(
            content_type__app_label="core",
            content_type__model__in=TAXONOMY_MODELS,
            codename__regex=r"^(add|change|delete)_",
        )
    )

    # The public site's menus (when the site app is installed): kept by those who publish.
    menus = Permission.objects.filter(
        content_type__app_label="website",
        content_type__model="navigationmenu",
        codename__regex=r"^(add|change|delete)_",
    )
    for group in (groups[PUBLISHERS], groups[SECRETARIAT]):
        group.permissions.add(*menus)


def grant_collection_permissions(groups):
    root = Collection.get_first_root_node()
    if root is None:
        return
    media = permissions("wagtailimages", *IMAGE_PERMISSIONS)
    media += permissions("wagtaildocs", *DOCUMENT_PERMISSIONS)
    grants = [(group, media) for group in editor_groups(groups)]
    grants += [(groups[PUBLISHERS], media), (groups[SECRETARIAT], media)]
    # National points of contact upload their reports' files.
    grants.append(
        (
            groups[NATIONAL_POINTS_OF_CONTACT],
            permissions("wagtaildocs", "add_document", "choose_document"),
        )
    )
    for group, granted in grants:
        for perm in granted:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=perm
            )


def grant_page_permissions(groups, home):
    language = home.locale.language_code
    grants = [(groups[PUBLISHERS], PUBLISHER_PAGE_PERMISSIONS)]
    editors = groups.get(editors_group_name(language))
    if editors is not None:
        grants.append((editors, EDITOR_PAGE_PERMISSIONS))
    for group, codenames in grants:
        for perm in permissions("wagtailcore", *codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=perm)


def default_workflow(groups):
    """Substantive review (Reviewers) → language review → publication (Publishers)."""
    substantive, _created = SubstantiveReviewTask.objects.get_or_create(
        name=str(SUBSTANTIVE_REVIEW_NAME)
    )
    substantive.groups.add(groups[REVIEWERS])
    language, _created = LanguageReviewTask.objects.get_or_create(name=str(LANGUAGE_REVIEW_NAME))
    publication, _created = GroupApprovalTask.objects.get_or_create(name=str(PUBLICATION_NAME))
    publication.groups.add(groups[PUBLISHERS])

    workflow, _created = Workflow.objects.get_or_create(name=str(WORKFLOW_NAME))
    for order, task in enumerate((substantive, language, publication)):
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


def assign_workflow(workflow, home):
    # An administrator's own choice for a tree is kept.
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})


@transaction.atomic
def provision(homes=None):
    """Grant the role groups their permissions and put every locale tree under the workflow."""
    groups = role_groups()
    grant_model_permissions(groups)
    grant_collection_permissions(groups)
    # Workflow and task names are stored: in the site's language, whatever the request's.
    with translation.override(source_language()):
        workflow = default_workflow(groups)
    for home in locale_home_pages() if homes is None else homes:
        grant_page_permissions(groups, home)
        assign_workflow(workflow, home)
    return workflow
