"""How the block library meets wagtail-localize.

wagtail-localize offers every CharBlock and TextBlock for translation. Codes, numbers and
UN document symbols must stay as written in every language, so their blocks declare that
they have no translatable segments. Typed tables are not known to wagtail-localize at all;
the table block extracts and restores its caption, column headings and cells itself.
"""

from collections import defaultdict

from wagtail import blocks
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter


class NotTranslatedMixin:
    """The value is the same in every language: nothing to offer translators."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class CodeBlock(NotTranslatedMixin, blocks.CharBlock):
    pass


class TranslatableTableMixin:
    """Segments of a TypedTable: caption, column headings and the cells of text columns.

    Paths are ``caption``, ``heading-<column>`` and ``cell-<row>-<column>``; a cell whose
    block has nothing to translate (numbers, dates, symbols) yields no segment.
    """

    def get_translatable_segments(self, table):
        extractor = StreamFieldSegmentExtractor(field=None)
        segments = []
        if table.caption:
            segments.append(StringSegmentValue("caption", table.caption))
        for index, column in enumerate(table.columns):
            if column["heading"]:
                segments.append(StringSegmentValue(f"heading-{index}", column["heading"]))
        for row_index, row in enumerate(table.row_data):
            for index, column in enumerate(table.columns):
                value = row["values"][index]
                if value in (None, ""):
                    continue
                segments.extend(
                    segment.wrap(f"cell-{row_index}-{index}")
                    for segment in extractor.handle_block(column["block"], value)
                )
        return segments

    def restore_translated_segments(self, table, segments):
        # Text cells need no locale to be restored; choosers are not offered as columns.
        writer = StreamFieldSegmentsWriter(field=None, src_locale=None, tgt_locale=None)
        by_part = defaultdict(list)
        for segment in segments:
            part, rest = segment.unwrap()
            by_part[part].append(rest)
        for part, part_segments in by_part.items():
            if part == "caption":
                table.caption = part_segments[0].render_text()
            elif part.startswith("heading-"):
                index = int(part.removeprefix("heading-"))
                table.columns[index]["heading"] = part_segments[0].render_text()
            elif part.startswith("cell-"):
                row_index, index = (int(n) for n in part.removeprefix("cell-").split("-"))
                column = table.columns[index]
                values = table.row_data[row_index]["values"]
                values[index] = writer.handle_block(column["block"], values[index], part_segments)
        return table
