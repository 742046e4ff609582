import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

WORKER_REPORTS = []


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    tasks = "eager (in-process)" if settings.CELERY_TASK_ALWAYS_EAGER else "Celery worker"
    return [
        f"PoA-ISS database: {database['ENGINE'].rsplit('.', 1)[-1]}",
        f"PoA-ISS broker: {settings.CELERY_BROKER_URL or 'none'}; tasks: {tasks}",
        f"PoA-ISS search backend: {settings.POAISS_SEARCH['BACKEND']['CLASS']}",
    ]


def pytest_terminal_summary(terminalreporter):
    for report in WORKER_REPORTS:
        terminalreporter.write_line(
            "Celery round trip: worker {hostname} answered through {broker}, "
            "seeing the {database_vendor} database {database_name}".format(**report)
        )


@pytest.fixture(autouse=True)
def fresh_api_cache():
    """Each test starts with no cached API answers (tests roll back instead of committing)."""
    from cms.api.caching import bump_version

    bump_version()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the taxonomy and the demo pages once, as `make run` does; tests roll back on top."""
    with django_db_blocker.unblock():
        call_command("load_demo", "--no-admin", verbosity=0)


@pytest.fixture(autouse=True)
def demo_for_transactional_tests(request):
    """A transactional test empties the database when it ends; the next one reloads the demo.

    (Tests in a rolled-back transaction keep the demo loaded once by `django_db_setup`.)
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from cms.core.models import HomePage

    if not HomePage.objects.exists():
        call_command("load_demo", "--no-admin", verbosity=0)


@pytest.fixture
def vocabularies(db):
    """The taxonomy in six languages (loaded for the whole session)."""


@pytest.fixture
def demo_site(db):
    """The taxonomy and the demo pages in six languages (loaded for the whole session)."""


@pytest.fixture
def database_vendor():
    return connection.vendor
