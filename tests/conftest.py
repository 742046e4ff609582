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


@pytest.fixture
def vocabularies(db):
    from cms.core.vocabularies import load_vocabularies

    return load_vocabularies()


@pytest.fixture
def demo_site(db, django_capture_on_commit_callbacks):
    """The taxonomy and the demo pages in six languages, as `make run` loads them.

    wagtail-localize publishes translations once the transaction commits; tests never
    commit, so the callbacks are run here.
    """
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--no-admin", verbosity=0)


@pytest.fixture
def database_vendor():
    return connection.vendor
