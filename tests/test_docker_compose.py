"""docker-compose.yml describes the production stack.

Docker cannot run on the CI machines, so the wiring of the services is checked instead.
"""

import importlib.metadata
import re
from pathlib import Path

import yaml

COMPOSE = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "docker-compose.yml").read_text()
)
SERVICES = COMPOSE["services"]
APP_SERVICES = ("web", "worker", "beat", "migrate")


def test_the_stack_has_every_service():
    assert set(SERVICES) >= {"web", "worker", "beat", "postgres", "redis", "elasticsearch"}


def test_app_services_run_the_right_commands():
    assert SERVICES["worker"]["command"][:4] == ["celery", "-A", "cms", "worker"]
    assert SERVICES["beat"]["command"][:4] == ["celery", "-A", "cms", "beat"]
    assert SERVICES["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    dockerfile = (Path(__file__).resolve().parent.parent / "Dockerfile").read_text()
    assert "gunicorn cms.wsgi:application" in dockerfile


def test_app_services_point_at_the_stack_services_with_production_settings():
    for name in APP_SERVICES:
        environment = SERVICES[name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert "@postgres:5432/" in environment["DATABASE_URL"]
        assert environment["REDIS_URL"].startswith("redis://redis:6379/")
        assert environment["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
        assert SERVICES[name]["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert SERVICES[name]["depends_on"]["redis"]["condition"] == "service_healthy"


def test_the_web_server_waits_for_migrations():
    assert SERVICES["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "8000:8000" in SERVICES["web"]["ports"]


def test_the_database_credentials_match_the_application_url():
    postgres = SERVICES["postgres"]["environment"]
    expected = "postgres://{POSTGRES_USER}:{POSTGRES_PASSWORD}@postgres:5432/{POSTGRES_DB}".format(
        **postgres
    )
    assert SERVICES["web"]["environment"]["DATABASE_URL"] == expected


def test_every_service_that_others_wait_for_has_a_health_check():
    for name in ("postgres", "redis", "elasticsearch", "web", "worker"):
        assert SERVICES[name]["healthcheck"]["test"], name


def test_stateful_services_keep_their_data_in_named_volumes():
    for name, path in [
        ("postgres", "/var/lib/postgresql/data"),
        ("redis", "/data"),
        ("elasticsearch", "/usr/share/elasticsearch/data"),
    ]:
        volume = next(v for v in SERVICES[name]["volumes"] if v.endswith(":" + path))
        assert volume.split(":")[0] in COMPOSE["volumes"]


def test_elasticsearch_server_major_version_equals_the_client_major_version():
    server = re.search(r":(\d+)\.\d+\.\d+$", SERVICES["elasticsearch"]["image"]).group(1)
    client = importlib.metadata.version("elasticsearch").split(".")[0]
    assert server == client
    assert SERVICES["elasticsearch"]["environment"]["discovery.type"] == "single-node"
