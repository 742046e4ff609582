import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Page

from cms.accounts.models import UserProfile
from cms.celery import app
from cms.core.models import HomePage, SectionPage


@pytest.fixture
def eager_tasks():
    """Celery tasks run in-process, whatever broker the leg uses."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def make_user(db):
    def make(username, *group_names, language="en", superuser=False):
        user = User.objects.create_user(
            username,
            email=f"{username}@example.org",
            password="secret-pass-1",
            first_name=username.title(),
            last_name="Tester",
            is_superuser=superuser,
        )
        user.groups.add(*Group.objects.filter(name__in=group_names))
        UserProfile.objects.create(user=user, preferred_language=language)
        return user

    return make


def home_page(language):
    return HomePage.objects.get(locale__language_code=language, depth=2)


@pytest.fixture
def draft_page(demo_site):
    """A new English section page, saved as a draft under the home page."""

    def make(title="Stockpile management guide", language="en", owner=None):
        page = SectionPage(title=title, intro="How to keep weapons safe.", owner=owner, live=False)
        home_page(language).add_child(instance=page)
        page.save_revision(user=owner)
        return Page.objects.get(pk=page.pk).specific

    return make
