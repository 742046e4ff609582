"""Demo body items for every block type, as `cms/core/data/demo/pages.yaml` describes them.

- text: Rich text; {{A/CONF.192/15}} becomes a UN document symbol link.
- image: {file, title, alt_text, caption, credit}    (file in blocks/data/demo/)
- document: {file, title, label}
- quote: {text, attribution}
- callout: {tone, title, text}
- table: {caption, columns: [{type, heading}], rows: [[cell, ...], ...]}
- embed: {url, caption}
- key_figure: {value, unit, label, source, source_symbol}
- footnotes: [text, ...]                                (rich text, as `text`)
- country: <ISO alpha-2 code>
- thematic_area: <thematic area code>
- accordion: {heading, items: [{question, answer}, ...]}
"""

import html
import re
from decimal import Decimal
from pathlib import Path

from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .rich_text import LINKTYPE
from .symbols import validate_symbol

DATA_DIR = Path(__file__).parent / "data" / "demo"
SYMBOL_MARKUP = re.compile(r"\{\{([^}]+)\}\}")


def rich_text(text):
    """Plain text with {{symbol}} markup -> one paragraph of database rich text."""

    def link(match):
        symbol = match.group(1)
        validate_symbol(symbol)
        escaped = html.escape(symbol)
        return f'<a linktype="{LINKTYPE}" symbol="{escaped}">{escaped}</a>'

    return f"<p>{SYMBOL_MARKUP.sub(link, html.escape(text, quote=False))}</p>"


def demo_file(model, spec):
    """The image or document of that title, uploaded once from blocks/data/demo/."""
    existing = model.objects.filter(title=spec["title"]).first()
    if existing is not None:
        return existing
    path = DATA_DIR / spec["file"]
    with path.open("rb") as handle:
        item = model(title=spec["title"], collection=Collection.get_first_root_node())
        item.file = File(handle, name=path.name)
        item.save()
    return item


def source_term(model_label, code):
    from django.apps import apps

    model = apps.get_model(model_label)
    return model.objects.by_code(code)


def table_value(spec):
    columns = [{"type": column["type"], "heading": column["heading"]} for column in spec["columns"]]
    rows = []
    for row in spec["rows"]:
        values = []
        for column, cell in zip(columns, row, strict=True):
            if column["type"] == "rich_text":
                cell = rich_text(cell)
            elif column["type"] == "number":
                cell = str(cell)
            values.append(cell)
        rows.append({"values": values})
    return {"caption": spec.get("caption", ""), "columns": columns, "rows": rows}


def stream_item(kind, spec):
    """One (block type, value) pair for BodyBlock; ValueError names an unknown kind."""
    if kind == "text":
        return ("paragraph", rich_text(spec))
    if kind == "image":
        image = demo_file(get_image_model(), spec)
        fields = {name: spec.get(name, "") for name in ("alt_text", "caption", "credit")}
        return ("image", {"image": image, **fields})
    if kind == "document":
        document = demo_file(get_document_model(), spec)
        return ("document", {"document": document, "label": spec.get("label", "")})
    if kind == "quote":
        return ("quote", {"text": spec["text"], "attribution": spec.get("attribution", "")})
    if kind == "callout":
        return (
            "callout",
            {"tone": spec["tone"], "title": spec.get("title", ""), "text": rich_text(spec["text"])},
        )
    if kind == "table":
        return ("table", table_value(spec))
    if kind == "embed":
        from wagtail.embeds.blocks import EmbedValue

        return ("embed", {"url": EmbedValue(spec["url"]), "caption": spec.get("caption", "")})
    if kind == "key_figure":
        return (
            "key_figure",
            {
                "value": Decimal(str(spec["value"])),
                "unit": spec.get("unit", ""),
                "label": spec["label"],
                "source": spec.get("source", ""),
                "source_symbol": spec.get("source_symbol", ""),
            },
        )
    if kind == "footnotes":
        return ("footnotes", [rich_text(note) for note in spec])
    if kind == "country":
        return ("country", source_term("core.Country", spec))
    if kind == "thematic_area":
        return ("thematic_area", source_term("core.ThematicArea", spec))
    if kind == "accordion":
        items = [
            {"question": item["question"], "answer": rich_text(item["answer"])}
            for item in spec["items"]
        ]
        return ("accordion", {"heading": spec.get("heading", ""), "items": items})
    raise ValueError(f"unknown body item {kind!r}.")
