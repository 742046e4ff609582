"""Who sees what through the API: drafts and restricted pages never leak."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from rest_framework.authtoken.models import Token
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.core.models import HomePage, SectionPage

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def pages(django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="en")

    def add(slug, title, publish=True):
        page = SectionPage(title=title, slug=slug, live=False)
        home.add_child(instance=page)
        if publish:
            with django_capture_on_commit_callbacks(execute=True):
                page.save_revision().publish()
        return page

    members = Group.objects.create(name="Network members")
    pages = {
        "draft": add("draft", "Never published plans", publish=False),
        "login": add("login", "For signed-in users"),
        "members": add("members", "For network members"),
        "password": add("password", "Behind a password"),
        "edited": add("edited", "Published title"),
    }
    PageViewRestriction.objects.create(page=pages["login"], restriction_type="login")
    group_restriction = PageViewRestriction.objects.create(
        page=pages["members"], restriction_type="groups"
    )
    group_restriction.groups.add(members)
    PageViewRestriction.objects.create(
        page=pages["password"], restriction_type="password", password="secret"
    )
    # A child of a restricted page is restricted too.
    pages["login_child"] = SectionPage(title="Inside the signed-in area", slug="inside")
    pages["login"].add_child(instance=pages["login_child"])
    with django_capture_on_commit_callbacks(execute=True):
        pages["login_child"].save_revision().publish()
    # A newer draft of a live page stays unseen.
    pages["edited"].title = "Unpublished new title"
    pages["edited"].save_revision()
    return pages


@pytest.fixture
def private_document():
    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = Document(title="Internal briefing", collection=private)
    document.file.save("briefing.txt", ContentFile(b"internal"), save=True)
    return document


@pytest.fixture
def users(django_user_model):
    learner = django_user_model.objects.create_user("learner", password="learner-password-1")
    member = django_user_model.objects.create_user("member", password="member-password-1")
    member.groups.add(Group.objects.get_or_create(name="Network members")[0])
    editor = django_user_model.objects.create_superuser("editor", password="editor-password-1")
    return {"learner": learner, "member": member, "editor": editor}


def token_header(user):
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


# (client kind) -> pages it may see among the restricted ones
MAY_SEE = {
    "anonymous": set(),
    "learner": {"login", "login_child"},
    "member": {"login", "login_child", "members"},
    "editor": {"login", "login_child", "members"},  # superusers pass group restrictions
}


@pytest.mark.parametrize("kind", list(MAY_SEE))
def test_each_client_sees_exactly_what_it_may(client, pages, users, kind):
    headers = {} if kind == "anonymous" else token_header(users[kind])
    listing = client.get("/api/v2/pages/", {"locale": "en", "limit": 100}, **headers).json()
    listed = {item["id"] for item in listing["items"]}
    for name, page in pages.items():
        visible = name == "edited" or name in MAY_SEE[kind]
        assert (page.pk in listed) is visible, (kind, name)
        detail = client.get(f"/api/v2/pages/{page.pk}/", **headers)
        assert detail.status_code == (200 if visible else 404), (kind, name)

    edited = client.get(f"/api/v2/pages/{pages['edited'].pk}/", **headers).json()
    assert edited["title"] == "Published title"


def test_a_restricted_page_is_not_reached_through_its_parent(client, pages):
    home = HomePage.objects.get(locale__language_code="en")
    children = client.get("/api/v2/pages/", {"child_of": home.pk, "locale": "en"}).json()
    titles = {item["title"] for item in children["items"]}
    assert not titles & {"Never published plans", "For signed-in users", "For network members"}
    # Asking below a restricted page answers exactly as for a page that does not exist.
    restricted = client.get("/api/v2/pages/", {"descendant_of": pages["login"].pk})
    missing = client.get("/api/v2/pages/", {"descendant_of": 987654})
    assert (restricted.status_code, restricted.json()) == (missing.status_code, missing.json())
    assert restricted.status_code == 400


def test_documents_in_a_private_collection_stay_private(client, users, private_document):
    anonymous = client.get("/api/v2/documents/").json()
    assert private_document.pk not in {item["id"] for item in anonymous["items"]}
    assert client.get(f"/api/v2/documents/{private_document.pk}/").status_code == 404
    signed_in = client.get("/api/v2/documents/", **token_header(users["learner"])).json()
    assert private_document.pk in {item["id"] for item in signed_in["items"]}


def test_a_members_answer_is_never_served_to_the_public_from_the_cache(client, pages, users):
    url = f"/api/v2/pages/{pages['members'].pk}/"
    assert client.get(url, **token_header(users["member"])).status_code == 200
    assert client.get(url).status_code == 404
