"""The embedded default's cache is shared by every process: after a management command in
one process changes content, a server running in another answers with the new content and
a new ETag at once, not the answer it cached before.

Everything runs as `make run` does, in separate processes: a database and a cache of their
own (a temporary var/), the taxonomy loaded, `manage.py runserver`, then `manage.py
import_iati` beside it."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from assistance.imports.iati.activity import (
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivityStatus,
    Description,
    Organisation,
    OrganisationRole,
    ParticipatingOrganisation,
    Sector,
)
from assistance.imports.iati.writer import write_activities

ROOT = Path(__file__).parents[2]


def manage(environment, *arguments, **options):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
        **options,
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers["ETag"], json.loads(response.read())


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    """The environment of the embedded default in a fresh var/, migrated, with its taxonomy."""
    var = tmp_path_factory.mktemp("var")
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "REDIS_URL", "POAISS_REQUIRE_SERVICES", "ELASTICSEARCH_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        POAISS_VAR_DIR=str(var),
        PYTHONPATH=str(ROOT),
        DEBUG="0",
    )
    manage(environment, "migrate", "--noinput")
    manage(environment, "load_taxonomy")
    return environment, var


@pytest.fixture
def server(embedded):
    environment, _var = embedded
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(120):
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("the server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def activity_file(path):
    unoda = Organisation(
        {"en": "United Nations Office for Disarmament Affairs"}, "XM-DAC-41301", "40"
    )
    activity = Activity(
        identifier="XM-DAC-41301-SHARED-1",
        reporting_org=unoda,
        title={"en": "Weapons marking in the Sahel"},
        descriptions=[Description({"en": "Marking machines and training."})],
        participating_orgs=[ParticipatingOrganisation(OrganisationRole.FUNDING, {"en": "Japan"})],
        status=ActivityStatus.IMPLEMENTATION,
        dates=[ActivityDate(ActivityDateType.ACTUAL_START, date(2025, 1, 1))],
        sectors=[Sector("15240", percentage=Decimal(100))],
    )
    path.write_bytes(write_activities([activity]))
    return path


def test_a_command_s_changes_reach_a_running_server_at_once(embedded, server, tmp_path):
    environment, var = embedded
    url = f"{server}/api/v2/projects/"
    etag, answer = get(url)
    assert answer["meta"]["total_count"] == 0
    assert get(url) == (etag, answer)  # answered from the cache, same ETag
    assert any((var / "cache" / "default").iterdir())  # the cache lives in files under var/

    manage(environment, "import_iati", str(activity_file(tmp_path / "activities.xml")))

    new_etag, answer = get(url)
    assert new_etag != etag
    assert [project["title"] for project in answer["items"]] == ["Weapons marking in the Sahel"]
