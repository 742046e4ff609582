"""Whether a file given to an importer as text (CSV, a project listing, IATI XML) is text.

An image, an archive or any other binary file given by mistake is refused as a whole, with
what it looks like, instead of being read as rows or lines of garbage.
"""

import codecs

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SAMPLE_SIZE = 8192
# Bytes that appear in text files: tab, line feed, vertical tab, form feed, carriage return,
# escape. Data with more than this share of other control bytes is not text; nor is data
# that is not UTF-8 with more than a trace of them (text in a Windows code page has none).
TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
MAX_CONTROL_SHARE = 0.1
MAX_CONTROL_SHARE_NOT_UTF8 = 0.01

SIGNATURES = (
    ((b"\x89PNG\r\n\x1a\n",), gettext_lazy("a PNG image")),
    ((b"\xff\xd8\xff",), gettext_lazy("a JPEG image")),
    ((b"GIF87a", b"GIF89a"), gettext_lazy("a GIF image")),
    ((b"%PDF-",), gettext_lazy("a PDF document")),
    (
        (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"),
        gettext_lazy("a ZIP archive (XLSX workbooks are ZIP archives)"),
    ),
    ((b"\x1f\x8b",), gettext_lazy("a gzip archive")),
    ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",), gettext_lazy("a Microsoft Office 97-2003 file")),
)


def binary_kind(data):
    """What `data` (the file's first bytes suffice) looks like when it is not text, or None."""
    sample = bytes(data[:SAMPLE_SIZE])
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # text, in UTF-16: the readers say which encoding they want
    for signatures, kind in SIGNATURES:
        if sample.startswith(signatures):
            return str(kind)
    if not sample:
        return None
    share = sum(1 for byte in sample if byte < 0x20 and byte not in TEXT_CONTROLS) / len(sample)
    if share > MAX_CONTROL_SHARE or (share > MAX_CONTROL_SHARE_NOT_UTF8 and not _utf8(sample)):
        return _("binary data")
    return None


def _utf8(sample):
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A sample may end inside a character.
        return error.start >= len(sample) - 3 and error.reason == "unexpected end of data"
    return True


def not_text_reason(data):
    """Why `data` cannot be read as text, or None when it may be."""
    kind = binary_kind(data)
    if kind is None:
        return None
    return _("this is not a text file but %(kind)s") % {"kind": kind}


def read_sample(path):
    with open(path, "rb") as stream:
        return stream.read(SAMPLE_SIZE)
