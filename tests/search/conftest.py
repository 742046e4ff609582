import pytest

from cms.celery import app
from search.service import backend


@pytest.fixture
def eager_tasks():
    """Run index updates in-process: these tests are about what gets indexed, not transport."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def indexed_demo(demo_site):
    """The demo pages, which `load_demo` indexes (see the session fixture)."""
    assert backend().status(), "load_demo should have built the search index"


@pytest.fixture
def search_api(client):
    def get(path="/api/v2/search/", **params):
        response = client.get(path, params)
        assert response.status_code == 200, response.content
        return response.json()

    return get
