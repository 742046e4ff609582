"""Start-up with bad configuration fails with one sentence naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLEAN_VARIABLES = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "CELERY_BROKER_URL")


def manage(*args, settings="cms.settings.dev", **variables):
    environment = {k: v for k, v in os.environ.items() if k not in CLEAN_VARIABLES}
    environment.update(DJANGO_SETTINGS_MODULE=settings, **variables)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variables", "command", "sentence"),
    [
        (
            {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/poaiss"},
            "migrate",
            "DATABASE_URL points to a database that cannot be reached",
        ),
        (
            {"DATABASE_URL": "mysql://root@127.0.0.1/poaiss"},
            "check",
            "DATABASE_URL must point to SQLite or PostgreSQL",
        ),
        ({"REDIS_URL": "http://127.0.0.1:6379/0"}, "check", "REDIS_URL must be a redis://"),
        ({"REDIS_URL": "redis://127.0.0.1:notaport/0"}, "check", "REDIS_URL has an invalid port"),
        (
            {"REDIS_URL": "redis://127.0.0.1:1/0"},
            "migrate",
            "REDIS_URL points to a Redis server that cannot be reached",
        ),
        (
            {"DEFAULT_LANGUAGE": "xx"},
            "check",
            "DEFAULT_LANGUAGE must be one of ar, en, es, fr, ru, zh-hans, not 'xx'",
        ),
        (
            {"ELASTICSEARCH_URL": "elasticsearch:9200"},
            "check",
            "ELASTICSEARCH_URL must be an http:// or https:// URL",
        ),
        ({"DEBUG": "maybe"}, "check", "DEBUG must be true or false"),
    ],
)
def test_bad_configuration_fails_at_start_up_naming_the_variable(variables, command, sentence):
    result = manage(command, **variables)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Configuration error: {sentence}")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = manage("check", settings="cms.settings.production", SECRET_KEY="")
    assert result.returncode == 1
    assert "SECRET_KEY must be set in production" in result.stderr


def test_the_deployment_checklist_is_clean_under_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="cms.settings.production",
        SECRET_KEY="k" * 20 + "-production-like-secret-key-for-the-check-0123456789",
        ALLOWED_HOSTS="poa-iss.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_search_backend_follows_elasticsearch_url():
    code = (
        "from search.backends import get_search_backend; b = get_search_backend(); "
        "print(type(b).__name__, getattr(b, 'url', ''), "
        "b.alias_name('ar') if hasattr(b, 'alias_name') else '')"
    )
    embedded = manage("shell", "-v", "0", "-c", code)
    assert embedded.stdout.split() == ["DatabaseBackend"]
    with_cluster = manage(
        "shell", "-v", "0", "-c", code, ELASTICSEARCH_URL="http://search.internal:9200"
    )
    assert with_cluster.stdout.split() == [
        "ElasticsearchBackend",
        "http://search.internal:9200",
        "poaiss-ar",
    ]


def settings_value(expression, tmp_path, **variables):
    shown = manage(
        "shell",
        "-c",
        f"from django.conf import settings; from django.db import connection; print({expression})",
        POAISS_VAR_DIR=str(tmp_path),
        **variables,
    )
    assert shown.returncode == 0, shown.stderr
    return shown.stdout.strip().splitlines()[-1]


def test_each_checkout_signs_with_a_development_key_of_its_own(tmp_path):
    key = settings_value("settings.SECRET_KEY", tmp_path / "one")
    assert len(key) >= 50
    assert key not in (ROOT / "cms" / "settings" / "dev.py").read_text()
    assert settings_value("settings.SECRET_KEY", tmp_path / "one") == key
    assert (tmp_path / "one" / "secret_key").stat().st_mode & 0o777 == 0o600
    assert settings_value("settings.SECRET_KEY", tmp_path / "two") != key


def test_the_embedded_database_lets_readers_and_writers_work_at_once(tmp_path):
    mode = settings_value(
        "connection.cursor().execute('PRAGMA journal_mode').fetchone()[0]",
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert mode == "wal"
