import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.core.models import SectionPage


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def home():
    """The English home page (the default site's root)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def home_in(language):
    locale = Locale.objects.get(language_code=language)
    return Site.objects.get(is_default_site=True).root_page.get_translation(locale)


@pytest.fixture
def draft_page(home):
    """A page saved but never published, with a word found nowhere else."""
    return home.add_child(
        instance=SectionPage(title="Unpublished zanzibarite plans", slug="draft-plans", live=False)
    )


@pytest.fixture
def private_page(home):
    """A published page behind a password."""
    page = home.add_child(instance=SectionPage(title="Private quokkaline notes", slug="private"))
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return Page.objects.get(pk=page.pk)
