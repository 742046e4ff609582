"""Files the assistance API answers with: IATI XML and the coverage report as CSV, XLSX, PDF."""

from lxml import etree
from rest_framework import renderers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer

from .. import reports


class IatiXMLRenderer(BaseRenderer):
    """IATI activity XML; errors come as <errors message="..."><error field="...">."""

    media_type = "application/xml"
    format = "xml"
    charset = None  # the document declares its own encoding

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        data = data if isinstance(data, dict) else {"message": data}
        root = etree.Element("errors", message=str(data.get("message", "")))
        for name, messages in (data.get("errors") or {}).items():
            for message in messages if isinstance(messages, list) else [messages]:
                error = etree.SubElement(root, "error", field=str(name))
                error.text = str(message)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


class CoverageFileRenderer(renderers.BaseRenderer):
    """The coverage report as a file, in the language the view answered in."""

    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return reports.export(data, self.format, data["requested_locale"])


class CoverageCsvRenderer(CoverageFileRenderer):
    media_type, format, charset = "text/csv", "csv", "utf-8"


class CoverageXlsxRenderer(CoverageFileRenderer):
    media_type, format = reports.CONTENT_TYPES["xlsx"], "xlsx"


class CoveragePdfRenderer(CoverageFileRenderer):
    media_type, format = reports.CONTENT_TYPES["pdf"], "pdf"


class FilesByFormatOnly(DefaultContentNegotiation):
    """A file only when `?format=` asks for one: the answer then never depends on Accept,
    which the shared API cache does not key on."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if not (format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)):
            renderers = [r for r in renderers if not isinstance(r, CoverageFileRenderer)]
        return super().select_renderer(request, renderers, format_suffix)
