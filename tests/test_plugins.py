"""The kernel and its plug-in points: apps declare what they contribute, and one can go."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from django.apps import apps

from cms.core.plugins import contributions
from search import registry
from search.service import allowed_visibilities

ROOT = Path(__file__).resolve().parent.parent
KERNEL = ("cms.core", "cms.api")
FEATURE_APPS = (
    "cms.library",
    "cms.network",
    "cms.learning",
    "cms.editorial",
    "cms.accounts",
    "assistance",
    "search",
)
CLEAN_VARIABLES = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "CELERY_BROKER_URL")


def package_of(module):
    return next(
        (p for p in (*KERNEL, *FEATURE_APPS) if module == p or module.startswith(f"{p}.")), None
    )


def imported_modules(path, module):
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module
            yield name
            yield from (f"{name}.{alias.name}" for alias in node.names)


def package_imports():
    """{package: {package it imports}} over the source (migrations and tests aside)."""
    graph = {}
    for path in ROOT.glob("**/*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in ("tests", ".venv", "benchmarks") or "migrations" in relative.parts:
            continue
        module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        source = package_of(module)
        if source is None:
            continue
        for name in imported_modules(path, module):
            target = package_of(name)
            if target not in (None, source):
                graph.setdefault(source, set()).add(target)
    return graph


def test_the_kernel_imports_no_feature_app():
    graph = package_imports()
    for kernel_package in KERNEL:
        assert not graph.get(kernel_package, set()) & set(FEATURE_APPS), kernel_package


def test_no_two_packages_import_each_other_in_a_cycle():
    graph = package_imports()

    def reaches(start, goal, seen=()):
        return any(
            target == goal or (target not in seen and reaches(target, goal, (*seen, target)))
            for target in graph.get(start, ())
        )

    assert [package for package in graph if reaches(package, package)] == []


def test_the_apps_declare_their_contributions():
    routes = {
        prefix: app_config.label
        for app_config, declared in contributions("api_routes")
        for prefix, _viewset, _basename in declared
    }
    assert routes["countries"] == "core"
    assert routes["needs"] == "assistance"
    assert routes["contacts"] == "network"
    assert routes["learning/courses"] == "learning"
    assert {provider.prefix for provider in registry.providers()} >= {
        "page",
        "question",
        "need",
        "resource",
        "project",
    }
    loaders = [app_config.name for app_config, _load in contributions("demo_loader")]
    installed = [app_config.name for app_config in apps.get_app_configs()]
    assert loaders == [name for name in installed if name in loaders]
    assert loaders[0] == "cms.core"


def test_search_audiences_come_from_the_apps(django_user_model, db):
    from cms.core.models import Country
    from cms.network.models import MemberProfile

    visitor = django_user_model.objects.create_user("visitor")
    assert allowed_visibilities(visitor) == ["public"]
    member = django_user_model.objects.create_user("member")
    MemberProfile.objects.create(
        user=member,
        status=MemberProfile.Status.ACTIVE,
        display_name="Member",
        role=MemberProfile.Role.EXPERT,
        country=Country.objects.get(code="KE", locale__language_code="en"),
    )
    assert allowed_visibilities(member) == ["public", "members"]


SITE_CHECK = """
import json
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import NoReverseMatch, reverse

setup_test_environment()
client = Client()
statuses = {}
for url in [
    "/api/schema/",
    "/api/v2/pages/",
    "/api/v2/pages/?locale=fr",
    "/api/v2/search/?q=arms",
    "/api/v2/countries/KE/profile/",
    "/api/v2/needs/",
    "/en/",
]:
    statuses[url] = client.get(url).status_code
sections = [s["name"] for s in client.get("/api/v2/countries/KE/profile/").json()["sections"]]
try:
    reverse("network-question-list")
    network_urls = True
except NoReverseMatch:
    network_urls = False
print(json.dumps({"statuses": statuses, "sections": sections, "network_urls": network_urls}))
"""


def run_without_optional_apps(tmp_path, *args):
    environment = {k: v for k, v in os.environ.items() if k not in CLEAN_VARIABLES}
    environment.update(
        DJANGO_SETTINGS_MODULE="tests.settings_without_optional_apps",
        POAISS_VAR_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_the_site_works_without_the_network_and_e_learning(tmp_path):
    """Check, migrate, load the demo and serve the API with both optional apps removed."""
    run_without_optional_apps(tmp_path, "manage.py", "check")
    run_without_optional_apps(tmp_path, "manage.py", "migrate", "--no-input", "-v", "0")
    run_without_optional_apps(tmp_path, "manage.py", "load_demo", "--no-admin", "-v", "0")
    report = json.loads(run_without_optional_apps(tmp_path, "-c", SITE_CHECK).splitlines()[-1])

    assert set(report["statuses"].values()) == {200}, report["statuses"]
    assert "contacts" not in report["sections"]
    assert "reports" in report["sections"]
    assert not report["network_urls"]
