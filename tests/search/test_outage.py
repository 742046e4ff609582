"""An unreachable search backend delays index updates; it loses none."""

import socket
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from cms.core.models import SectionPage
from cms.outbox.service import replay_pending
from search import service
from search.sync import pending_updates

pytestmark = pytest.mark.usefixtures("demo_site")


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def unreachable_elasticsearch():
    backend = {
        "CLASS": "search.backends.elasticsearch.ElasticsearchBackend",
        "OPTIONS": {"URL": f"http://127.0.0.1:{closed_port()}", "TIMEOUT": 1},
    }
    service.backend.cache_clear()
    with override_settings(POAISS_SEARCH={"BACKEND": backend}):
        yield
    service.backend.cache_clear()


def publish_page(title, slug):
    about = SectionPage.objects.get(slug="about", locale__language_code="en")
    page = about.add_child(instance=SectionPage(title=title, slug=slug))
    page.save_revision().publish()
    return page


def test_updates_wait_in_the_outbox_while_the_backend_is_down(
    search_api, eager_tasks, django_capture_on_commit_callbacks, unreachable_elasticsearch
):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_page("Wombat husbandry", "wombats")

    (message,) = pending_updates().filter(key=f"page:{page.pk}")
    assert message.attempts == 1
    assert "SearchBackendUnavailable" in message.last_error

    # The backend is back (here: the database one); the periodic replay applies the update.
    service.backend.cache_clear()
    with override_settings(
        POAISS_SEARCH={"BACKEND": {"CLASS": "search.backends.database.DatabaseBackend"}}
    ):
        assert replay_pending(now=timezone.now() + timedelta(minutes=5)) >= 1
        assert not pending_updates().filter(key=f"page:{page.pk}").exists()
        found = search_api(q="wombat", locale="en")
    assert [item["title"] for item in found["items"]] == ["Wombat husbandry"]
