"""Finishing touches over the whole OpenAPI document, once drf-spectacular has built it.

drf-spectacular writes some schemas in forms OpenAPI 3.0.3 does not give the meaning it
intends, and that client generators and linters refuse:
- `nullable: true` beside `allOf` or `anyOf` (a nullable nested object, a nullable union)
  with no `type`: 3.0.3 lets `nullable` add null only to a `type` named beside it, and
  validators then still refuse null in the `allOf`. It becomes an `anyOf` whose last
  alternative is null alone (`nullable` and `enum: [null]` beside a `type`);
- `nullable: true` on a schema that accepts any value: null is already one, so it is dropped;
- `oneOf` without a discriminator where alternatives can overlap (an e-mail address and the
  empty string, a choice and null): `anyOf` says what is meant.
It also lists the tags the operations use, and types page details per page type.
"""

from .page_schemas import add_page_detail_schemas

TAG_DESCRIPTIONS = {
    "api": "The index of the API's endpoints.",
    "assistance": "The coverage report of needs and resources.",
    "assistance-forms": "Forms of assistance (financial, technical, training, ...).",
    "auth": "Tokens for API clients that write.",
    "contacts": "The directory of national points of contact.",
    "countries": "ISO 3166-1 countries with their UN M49 names, regions and groups.",
    "documents": "Documents (Wagtail).",
    "images": "Images (Wagtail).",
    "learning": "Courses, enrolments, quiz attempts and certificates.",
    "matches": "Matches between assistance needs and resources.",
    "mosaic-modules": "MOSAIC modules.",
    "national-reports": "National reports, their questionnaire, cycles, answers and status.",
    "needs": "Assistance needs of States.",
    "network": "The Small Arms Advisory Network.",
    "organisation-types": "Types of organisation.",
    "organisations": "UN entities, funds, regional and civil-society organisations.",
    "pages": "Published pages (Wagtail), typed per page type.",
    "preview": "Drafts that editors preview on an external site.",
    "projects": "Assistance projects, also as IATI activities.",
    "regions": "UN M49 regions, sub-regions and intermediate regions.",
    "resources": "Funds, programmes and offers of assistance.",
    "search": "One search over pages, records and network threads.",
    "themes": "Thematic areas of the PoA and the ITI.",
}


def finish_schema(result, generator, request, public):
    add_page_detail_schemas(result)
    schemas = result.get("components", {}).get("schemas", {})
    for container in (result.get("paths", {}), schemas):
        normalise(container, schemas)
    result["tags"] = [
        {"name": name, "description": TAG_DESCRIPTIONS.get(name, f"The {name} endpoints.")}
        for name in sorted(operation_tags(result))
    ]
    return result


def normalise(node, schemas):
    if isinstance(node, list):
        for item in node:
            normalise(item, schemas)
        return
    if not isinstance(node, dict):
        return
    if "oneOf" in node and "discriminator" not in node:
        node["anyOf"] = node.pop("oneOf")
    if node.get("nullable") is True and "type" not in node:
        make_nullable_explicit(node, schemas)
    for value in node.values():
        normalise(value, schemas)


def make_nullable_explicit(node, schemas):
    """Say "or null" in a form 3.0.3 gives that meaning: an alternative that is only null."""
    del node["nullable"]
    if "allOf" in node:
        parts = node.pop("allOf")
        node["anyOf"] = parts if len(parts) == 1 else [{"allOf": parts}]
    elif "anyOf" not in node:
        return  # a schema for any value already allows null
    alternatives = node["anyOf"]
    null = {"type": referenced_type(alternatives, schemas), "nullable": True, "enum": [None]}
    alternatives.append(null)


def referenced_type(alternatives, schemas):
    """The `type` of the first alternative that has one, itself or in its component."""
    for alternative in alternatives:
        name = alternative.get("$ref", "").rsplit("/", 1)[-1]
        kind = alternative.get("type") or schemas.get(name, {}).get("type")
        if kind:
            return kind
    return "object"


def operation_tags(result):
    return {
        tag
        for path_item in result.get("paths", {}).values()
        for operation in path_item.values()
        if isinstance(operation, dict)
        for tag in operation.get("tags", ())
    }
