import pytest

from cms.celery import app
from search import registry
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
    """The demo pages in the index, rebuilt inside the test's transaction."""
    documents = [doc for provider in registry.providers() for doc in provider.all_documents()]
    backend().rebuild(documents)
    return documents


@pytest.fixture
def search_api(client):
    def get(path="/api/v2/search/", **params):
        response = client.get(path, params)
        assert response.status_code == 200, response.content
        return response.json()

    return get
