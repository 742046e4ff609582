"""Rich text as Wagtail stores it, and nothing else.

Rich text reaches the database through the admin's editor, the API, importers, translation
files and migrations. The editor only ever produces Wagtail's database format (``<p>``,
``<b>``, ``<a linktype="page" id="3">``, ``<embed embedtype="image" ...>``); every other door
could carry ``<script>``, event handlers or ``javascript:`` links. So rich text is cleaned
twice:

- `clean_rich_text` is an allow-list of that database format (nh3): applied whenever a value
  is read from or written to a StreamField, so a value stored before this rule existed, or
  written by any door, is harmless by the time it is rendered.
- `through_editor` passes input through the editor's own converter for the block's features,
  so what the API accepts is exactly what the editor would have produced.
"""

import json

import nh3
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import features as feature_registry

# Every element of Wagtail's database format that a registered feature can produce.
ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "b",
    "i",
    "strong",
    "em",
    "s",
    "sub",
    "sup",
    "code",
    "blockquote",
    "hr",
    "ol",
    "ul",
    "li",
    "a",
    "embed",
}
ALLOWED_ATTRIBUTES = {
    # The editor keys each block, so comments and translations can follow it.
    "*": {"data-block-key"},
    # External links carry href; internal ones linktype and the target's id or symbol.
    "a": {"href", "linktype", "id", "symbol"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel=None,  # stored links stay as the editor wrote them; rel is an output concern
    strip_comments=True,
)


def clean_rich_text(html):
    """Database-format rich text with everything outside the allow-list removed."""
    if not html:
        return html or ""
    return _cleaner.clean(html)


def through_editor(html, features=None):
    """`html` as the rich text editor would store it, keeping only the given features."""
    if not html:
        return ""
    if features is None:
        features = feature_registry.get_default_features()
    converter = ContentstateConverter(features)
    return converter.to_database_format(converter.from_database_format(html))


def clean_stored_rich_text(apps, app_label):
    """Data migrations: rewrite an app's StreamFields, in pages and their revisions, cleaned.

    The rich text blocks of each field clean their values as they are written back, so
    whatever was stored before sanitising existed no longer reaches a database reader.
    """
    from wagtail.fields import StreamField

    content_types = apps.get_model("contenttypes", "ContentType")
    revisions = apps.get_model("wagtailcore", "Revision")
    for model in apps.get_app_config(app_label).get_models():
        fields = [field for field in model._meta.fields if isinstance(field, StreamField)]
        if not fields:
            continue
        for instance in model._base_manager.iterator():
            changed = {}
            for field in fields:
                raw = _as_json(list(getattr(instance, field.attname).raw_data))
                cleaned = _cleaned_stream(field, raw)
                if cleaned != raw:
                    changed[field.attname] = cleaned
            if changed:
                model._base_manager.filter(pk=instance.pk).update(**changed)

        content_type = content_types.objects.filter(
            app_label=model._meta.app_label, model=model._meta.model_name
        ).first()
        if content_type is None:
            continue
        for revision in revisions.objects.filter(content_type=content_type).iterator():
            content = dict(revision.content)
            changed = False
            for field in fields:
                stored = content.get(field.attname)
                if not stored:
                    continue
                raw = json.loads(stored) if isinstance(stored, str) else stored
                cleaned = _cleaned_stream(field, raw)
                if cleaned != raw:
                    content[field.attname] = (
                        json.dumps(cleaned) if isinstance(stored, str) else cleaned
                    )
                    changed = True
            if changed:
                revisions.objects.filter(pk=revision.pk).update(content=content)


def _cleaned_stream(field, raw):
    """The stream's JSON data as its blocks write it back (so dates compare as strings)."""
    value = field.stream_block.to_python(raw or [])
    list(value)  # load every item, so each is written back through its blocks
    return _as_json(field.stream_block.get_prep_value(value))


def _as_json(data):
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))
