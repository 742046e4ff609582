import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis import checks

pytestmark = pytest.mark.django_db

# Bounded so the suite stays quick; over ~22 operations this is well above 500 cases.
EXAMPLES_PER_OPERATION = 30


def schema(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def api_routes(resolver=None, prefix=""):
    """Every URL pattern under /api/v2/, as an OpenAPI-style path."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from api_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v2/"):
            path = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", route)  # regex routes
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path)  # path() routes
            path = path.replace("^", "").replace("$", "").replace("\\.", ".")
            if "format" not in path:
                yield "/" + path.replace("{pk}", "{id}")


def test_the_schema_is_valid_openapi_3(client):
    document = schema(client)
    validate(document)
    assert document["openapi"].startswith("3.")


def test_the_schema_covers_every_api_route(client):
    documented = set(schema(client)["paths"])
    assert set(api_routes()) - documented == set()


def test_the_schema_leaves_out_the_admin_apis(client):
    assert not [path for path in schema(client)["paths"] if not path.startswith("/api/v2/")]


def test_the_docs_page_loads_its_assets_from_this_server(client):
    html = client.get("/api/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    # Its own script is served by the page itself (?script), so the page needs no inline script.
    assert assets and all(asset.startswith(("/static/", "/api/docs/")) for asset in assets)
    assert "<script>" not in html


@pytest.fixture
def api_schema(demo_site):
    """The schema, calling the site in-process through WSGI, as Django's test client does."""
    from django.core.wsgi import get_wsgi_application

    # Like the test client: keep the test's transaction open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_every_endpoint_keeps_its_contract(api_schema):
    """Generated requests never get a 5xx nor a response that contradicts the schema."""
    calls = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def keeps_contract(case):
            # A well-formed `fields` or `type` value may still name nothing; the API then
            # answers a documented 400, which this check would count as a rejection.
            case.call_and_validate(excluded_checks=[checks.positive_data_acceptance])
            calls.append(case.operation.label)

        keeps_contract()
    operations = len(set(calls))
    assert operations >= 20
    assert len(calls) >= 500, f"only {len(calls)} generated cases over {operations} operations"
