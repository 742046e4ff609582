"""The OpenAPI schema is an exact contract: what a client generator, a linter and a validator
read from it is what the API does.

The schema checks mirror the rules of common OpenAPI linters (Redocly's recommended set,
Spectral's `spectral:oas`) where they concern meaning, and the last test generates a Python
client with openapi-python-client and uses it, unmodified, against a live server.
"""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from wagtail.models import Page, get_page_models

from cms.learning.models import CoursePage, LessonPage, QuizPage

pytestmark = pytest.mark.django_db

METHODS = ("get", "put", "post", "delete", "patch")
PAGE_DETAIL_OPERATIONS = ("pages_retrieve", "preview_retrieve")


@pytest.fixture(scope="module")
def document(django_db_blocker):
    from drf_spectacular.generators import SchemaGenerator

    with django_db_blocker.unblock():
        return SchemaGenerator().get_schema(request=None, public=True)


def operations(document):
    for path, path_item in document["paths"].items():
        for method, operation in path_item.items():
            if method in METHODS:
                yield path, method, operation


def schema_nodes(node, where=""):
    """Every object in the document, with where it is."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from schema_nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from schema_nodes(value, f"{where}/{index}")


def conforms(document, component, instance):
    """Whether `instance` is valid against a component schema of the document."""
    schema = {"$ref": f"#/components/schemas/{component}", "components": document["components"]}
    errors = list(OAS30Validator(schema).iter_errors(instance))
    assert not errors, [error.message for error in errors][:3]


def test_the_schema_is_valid_openapi_3_0_3(document):
    validate(document)
    assert document["openapi"] == "3.0.3"


def test_request_bodies_are_json_except_file_uploads(document):
    kinds = {}
    for path, method, operation in operations(document):
        if "requestBody" in operation:
            kinds[f"{method.upper()} {path}"] = list(operation["requestBody"]["content"])
    uploads = {name for name, media_types in kinds.items() if media_types != ["application/json"]}
    assert uploads == {"POST /api/v2/national-reports/{id}/files/"}
    assert kinds["POST /api/v2/national-reports/{id}/files/"] == ["multipart/form-data"]
    assert len(kinds) > 20


def test_every_read_declares_the_locale_parameter(document):
    missing = [
        path
        for path, method, operation in operations(document)
        if method == "get"
        and not any(
            parameter.get("name") == "locale" and parameter["in"] == "query"
            for parameter in operation.get("parameters", ())
        )
    ]
    assert missing == []


def test_every_operation_has_a_summary_a_description_a_tag_and_security(document):
    defined_tags = {tag["name"] for tag in document["tags"]}
    summaries = set()
    for path, method, operation in operations(document):
        where = f"{method.upper()} {path}"
        assert operation.get("summary"), where
        assert operation.get("description"), where
        assert operation.get("tags") and set(operation["tags"]) <= defined_tags, where
        assert "security" in operation, where
        summaries.add(operation["summary"])
    assert len(summaries) > 80  # summaries say which operation, not just which endpoint
    assert document["servers"] and document["servers"][0]["url"]
    assert document["info"]["license"]["name"]


def test_nullable_is_declared_in_the_3_0_3_form(document):
    """`nullable` beside a `type`; no list of types; `anyOf` where no discriminator decides."""
    wrong = []
    for where, node in schema_nodes(document["components"]):
        if node.get("nullable") and "type" not in node:
            wrong.append(f"nullable without type at {where}")
        if isinstance(node.get("type"), list):
            wrong.append(f"list of types at {where}")
        if "oneOf" in node and "discriminator" not in node:
            wrong.append(f"oneOf without discriminator at {where}")
    assert wrong == []


def test_the_token_endpoint_needs_no_credentials(document):
    operation = document["paths"]["/api/v2/auth/token/"]["post"]
    assert operation["security"] == []


def test_a_page_detail_is_typed_per_page_type(document):
    schemas = document["components"]["schemas"]
    for path, _method, operation in operations(document):
        if operation["operationId"] in PAGE_DETAIL_OPERATIONS:
            answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
            assert answer == {"$ref": "#/components/schemas/PageDetail"}, path
    variants = [item["$ref"].rsplit("/", 1)[-1] for item in schemas["PageDetail"]["anyOf"]]
    models = [model for model in get_page_models() if model is not Page]
    assert set(variants) == {f"{model.__name__}Detail" for model in models} | {"Page"}
    for model in models:
        detail = schemas[f"{model.__name__}Detail"]
        fields = {field.name for field in model.api_fields}
        assert fields <= set(detail["properties"]), model
        assert all(detail["properties"][name] for name in fields), f"{model}: an untyped field"
        meta = schemas[f"{model.__name__}Meta"]
        assert meta["properties"]["type"]["enum"] == [model._meta.label]
    home = schemas["HomePageDetail"]["properties"]
    assert home["body"] == {"type": "array", "items": {"$ref": "#/components/schemas/StreamBlock"}}


def test_each_page_type_answers_its_own_detail_schema(client, document, demo_site):
    for model in get_page_models():
        page = model.objects.live().filter(locale__language_code="en").first()
        if model is Page or page is None:
            continue
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 200
        conforms(document, f"{model.__name__}Detail", response.json())


def test_the_api_root_lists_the_endpoints(client, document, demo_site):
    response = client.get("/api/v2/")
    assert response.status_code == 200
    index = response.json()
    conforms(document, "ApiIndex", index)
    assert {"pages", "needs", "learning/courses", "auth/token"} <= set(index["endpoints"])
    assert index["endpoints"]["pages"].endswith("/api/v2/pages/")
    assert index["schema"].endswith("/api/schema/")
    assert client.get(urlsplit(index["endpoints"]["themes"]).path).status_code == 200
    assert client.get("/api/v2/", {"locale": "xx"}).status_code == 400


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["null", "99999999999", "2147483648"])
def test_find_by_an_impossible_id_is_a_400_naming_it(client, endpoint, value):
    response = client.get(f"/api/v2/{endpoint}/find/", {"id": value})
    assert response.status_code == 400
    assert "id" in response.json()["errors"]


def test_the_attempts_at_a_quiz_are_a_listing_as_documented(document, demo_site):
    from tests.learning.conftest import client_for, make_learner

    client = client_for(make_learner("contract-learner"))
    course = CoursePage.objects.live().get(locale__language_code="en")
    assert client.post(f"/api/v2/learning/courses/{course.pk}/enrol/").status_code == 201
    for lesson in LessonPage.objects.descendant_of(course).live():
        client.post(f"/api/v2/learning/lessons/{lesson.pk}/progress/", {"completed": True})
    quiz = QuizPage.objects.descendant_of(course).live().get()
    assert client.post(f"/api/v2/learning/quizzes/{quiz.pk}/attempts/").status_code == 201

    response = client.get(f"/api/v2/learning/quizzes/{quiz.pk}/attempts/")
    operation = document["paths"]["/api/v2/learning/quizzes/{id}/attempts/"]["get"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    conforms(document, answer["$ref"].rsplit("/", 1)[-1], response.json())
    assert response.json()["meta"]["total_count"] == 1


GENERATOR_CONFIG = {
    "project_name_override": "poaiss-client",
    "package_name_override": "poaiss_client",
    # The IATI export (XML) and the analysis' maps and charts (SVG) are handed over as text,
    # the printed analysis (PDF) as bytes: the generator reads no other media types.
    "content_type_overrides": {
        "application/xml": "text/plain",
        "image/svg+xml": "text/plain",
        "application/pdf": "application/octet-stream",
    },
    "post_hooks": [],
}


# The live server answers from another thread, so the data must be committed; the serialized
# rollback restores what migrations created, the demo is then loaded on top (as test_consumer).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_generated_python_client_reads_and_writes_unmodified(live_server, tmp_path):
    pytest.importorskip("openapi_python_client", reason="openapi-python-client is not installed")
    call_command("load_demo", "--no-admin", verbosity=0)
    config = tmp_path / "config.json"
    config.write_text(json.dumps(GENERATOR_CONFIG))
    generated = subprocess.run(
        [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            "--url",
            f"{live_server.url}/api/schema/?format=json",
            "--meta",
            "none",
            "--config",
            str(config),
            "--output-path",
            str(tmp_path / "poaiss_client"),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert generated.returncode == 0, generated.stdout[-3000:] + generated.stderr[-3000:]
    sys.path.insert(0, str(tmp_path))
    try:
        use_the_generated_client(live_server.url)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name.startswith("poaiss_client")]:
            del sys.modules[name]


def use_the_generated_client(base_url):
    import poaiss_client
    from poaiss_client.api.auth import auth_token_create
    from poaiss_client.api.learning import (
        learning_courses_enrol_create,
        learning_lessons_progress_create,
    )
    from poaiss_client.api.pages import pages_list, pages_retrieve
    from poaiss_client.models import (
        AuthTokenRequest,
        HomePageDetail,
        LessonProgressInput,
        PagesListLocale,
    )

    sent = []
    hooks = {"event_hooks": {"request": [sent.append]}}
    anonymous = poaiss_client.Client(base_url=base_url, httpx_args=hooks)

    # Reads: a listing, then a page detail typed by its page type.
    listing = pages_list.sync(client=anonymous, locale=PagesListLocale.FR, type_="core.HomePage")
    assert listing.meta.total_count == 1
    home = pages_retrieve.sync(client=anonymous, id=listing.items[0].id)
    assert isinstance(home, HomePageDetail)
    assert home.meta.locale.value == "fr" and home.body and home.body[0].type_

    # Writes: a token for a learner, then JSON bodies sent as JSON.
    get_user_model().objects.create_user("contract-client", password="a-Long-password-1")
    token = auth_token_create.sync(
        client=anonymous,
        body=AuthTokenRequest(username="contract-client", password="a-Long-password-1"),
    )
    learner = poaiss_client.AuthenticatedClient(
        base_url=base_url, token=token.token, prefix="Token", httpx_args=hooks
    )
    course = CoursePage.objects.live().get(locale__language_code="en")
    enrolled = learning_courses_enrol_create.sync_detailed(client=learner, id=str(course.pk))
    assert enrolled.status_code == 201, enrolled.content
    lesson = LessonPage.objects.descendant_of(course).live().order_by("path").first()
    progress = learning_lessons_progress_create.sync_detailed(
        client=learner, id=str(lesson.pk), body=LessonProgressInput(completed=True)
    )
    assert progress.status_code == 200, progress.content
    assert progress.parsed.completed is True

    posts = [request for request in sent if request.method == "POST" and request.content]
    assert posts and all(request.headers["content-type"] == "application/json" for request in posts)
    assert json.loads(posts[-1].content) == {"completed": True}
