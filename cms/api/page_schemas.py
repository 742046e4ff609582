"""The detail of a page, typed per page type, for the OpenAPI schema.

Wagtail's pages endpoint serialises each page type with its own fields (`api_fields`), so one
`Page` schema cannot type them. Each page type gets a `<Model>Detail` component built from
the very serializer the endpoint uses, and `PageDetail` is the union of them: its `meta.type`
(an enum of one value per page type) tells the variants apart, and the plain `Page` comes
last for an answer whose `fields` parameter removed what the variants require.
"""

import copy
import typing

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.plumbing import UnableToProceedError, resolve_type_hint
from rest_framework import serializers
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.models import Page, get_page_models

PAGE_DETAIL = "PageDetail"
STREAM_BLOCK = "StreamBlock"
# Operations that answer a page detail (a preview is a draft shaped like one).
PAGE_DETAIL_OPERATIONS = {"pages_retrieve", "preview_retrieve"}

STREAM_BLOCK_SCHEMA = {
    "type": "object",
    "description": "One block of a StreamField: its block type, its value (shaped by the "
    "block type, see the blocks guide) and its id.",
    "properties": {
        "type": {"type": "string"},
        "value": {},
        "id": {"type": "string", "nullable": True},
    },
    "required": ["type", "value"],
}

# Serializer fields whose schema is one plain type, most specific class first.
BASIC_FIELD_SCHEMAS = [
    (serializers.BooleanField, {"type": "boolean"}),
    (serializers.IntegerField, {"type": "integer"}),
    (serializers.FloatField, {"type": "number"}),
    (serializers.DecimalField, {"type": "string", "format": "decimal"}),
    (serializers.DateTimeField, {"type": "string", "format": "date-time"}),
    (serializers.DateField, {"type": "string", "format": "date"}),
    (serializers.URLField, {"type": "string", "format": "uri"}),
    (serializers.CharField, {"type": "string"}),
]


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def add_page_detail_schemas(result):
    """Add the per-page-type components and answer page details with their union."""
    from .endpoints import wagtail_router
    from .pages import LocalizedPagesAPIViewSet

    schemas = result["components"]["schemas"]
    variants = []
    for model in sorted(get_page_models(), key=lambda model: model._meta.label):
        if model is Page or model._meta.abstract:
            continue
        name = model.__name__
        add_component(schemas, f"{name}Meta", page_meta_schema(schemas["PageMeta"], model))
        serializer = LocalizedPagesAPIViewSet._get_serializer_class(
            wagtail_router, model, [], show_details=True
        )()
        properties = {"id": {"type": "integer"}, "meta": ref(f"{name}Meta")}
        for field_name in LocalizedPagesAPIViewSet.get_body_fields_names(model):
            if field_name != "id":
                properties[field_name] = field_schema(serializer.fields[field_name], model)
        detail = {
            "type": "object",
            "description": f"A page of type {model._meta.label}, with its own fields.",
            "properties": properties,
            "required": ["id", "meta"],
        }
        add_component(schemas, f"{name}Detail", detail)
        variants.append(ref(f"{name}Detail"))
    add_component(schemas, STREAM_BLOCK, STREAM_BLOCK_SCHEMA)
    add_component(
        schemas,
        PAGE_DETAIL,
        {
            "description": "A page with the fields of its type, told apart by meta.type.",
            "anyOf": [*variants, ref("Page")],
        },
    )
    for path_item in result["paths"].values():
        for operation in path_item.values():
            if operation.get("operationId") in PAGE_DETAIL_OPERATIONS:
                content = operation["responses"]["200"]["content"]
                content["application/json"]["schema"] = ref(PAGE_DETAIL)


def add_component(schemas, name, schema):
    if name in schemas:
        raise ValueError(f"Two OpenAPI components would be named {name}.")
    schemas[name] = schema


def page_meta_schema(page_meta, model):
    """PageMeta, with `type` this page type's own label, required."""
    meta = copy.deepcopy(page_meta)
    meta["properties"]["type"] = {"type": "string", "enum": [model._meta.label]}
    meta["required"] = sorted({*meta.get("required", []), "type"})
    return meta


def field_schema(field, model):
    """The schema of one field of a page type's (or its child objects') serializer."""
    if isinstance(field, wagtail_serializers.StreamField):
        return {"type": "array", "items": ref(STREAM_BLOCK)}
    if isinstance(field, wagtail_serializers.ChildRelationField):
        return {"type": "array", "items": object_schema(field.serializer_class)}
    if isinstance(field, wagtail_serializers.RelatedField):
        return {**object_schema(field.serializer_class), "nullable": True}
    if isinstance(field, serializers.ReadOnlyField):
        return property_schema(model, field.source)
    if isinstance(field, serializers.JSONField):
        return json_field_schema(model, field.source)
    if isinstance(field, serializers.ChoiceField):
        schema = {"type": "string", "enum": list(field.choices)}
        if field.allow_blank:
            schema["enum"].append("")
    else:
        schema = next(
            (dict(schema) for kind, schema in BASIC_FIELD_SCHEMAS if isinstance(field, kind)), {}
        )
    if schema.get("type") and model_field_is_nullable(model, field.source):
        schema["nullable"] = True
        if "enum" in schema:
            schema["enum"].append(None)
    return schema


def object_schema(serializer_class):
    """A related or child object as Wagtail nests it: id, a meta object, its own fields."""
    serializer = serializer_class()
    model = serializer.Meta.model
    meta_names = set(serializer.meta_fields)
    properties = {}
    meta = {}
    for name, field in serializer.fields.items():
        if name in meta_names:
            meta[name] = {"type": "string"}
        else:
            properties[name] = field_schema(field, model)
    if meta:
        properties["meta"] = {"type": "object", "properties": meta}
    return {"type": "object", "properties": properties}


def property_schema(model, name):
    """The schema of a model property, from its return annotation; any value without one."""
    attribute = getattr(model, name, None)
    getter = attribute.fget if isinstance(attribute, property) else attribute
    hint = typing.get_type_hints(getter).get("return") if callable(getter) else None
    if hint is None:
        return {}
    try:
        return resolve_type_hint(hint)
    except UnableToProceedError:
        return {}


def json_field_schema(model, name):
    """A JSON object or list when the model field starts as one, else any JSON value."""
    try:
        default = model._meta.get_field(name).default
    except FieldDoesNotExist:
        return {}
    if default is dict:
        return {"type": "object", "additionalProperties": {}}
    if default is list:
        return {"type": "array", "items": {}}
    return {}


def model_field_is_nullable(model, name):
    try:
        return model._meta.get_field(name).null
    except FieldDoesNotExist:
        return False
