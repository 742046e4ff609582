"""Snippets with the matched words marked, computed the same way for every backend."""

import re

from django.utils.html import escape

from .text import HAN, HAN_RUN, normalise_word, words

HAN_QUERY_RUN = re.compile(rf"[{HAN}]+")


def snippet(text, query, language_code, width=220):
    """An HTML-escaped excerpt of `text` around the first match, matches in <mark>."""
    text = text or ""
    wanted = set()
    for word, _start, _end in words(query or ""):
        wanted.update(normalise_word(word, language_code))
    spans = [
        (start, end)
        for word, start, end in words(text)
        if not HAN_RUN.match(word) and wanted.intersection(normalise_word(word, language_code))
    ]
    # Chinese has no word boundaries: mark where the query's characters occur.
    for run in HAN_QUERY_RUN.findall(query or ""):
        spans += [(match.start(), match.end()) for match in re.finditer(re.escape(run), text)]
    spans.sort()
    if not spans:
        excerpt = text[:width]
        return escape(excerpt) + ("…" if len(text) > width else "")
    first_start = spans[0][0]
    begin = max(0, first_start - width // 4)
    # Start the excerpt on a word boundary when there is one nearby.
    space = text.rfind(" ", 0, begin)
    if begin and space != -1 and begin - space < 20:
        begin = space + 1
    end = min(len(text), begin + width)
    parts, cursor = [], begin
    for start, end_of_match in spans:
        if start < begin or end_of_match > end:
            continue
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark>{escape(text[start:end_of_match])}</mark>")
        cursor = end_of_match
    parts.append(escape(text[cursor:end]))
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(parts) + suffix
