"""Coverage report exports: CSV, Excel workbook and PDF, in any of the six languages.

`export(report, file_format, language)` gives the file's bytes; `CONTENT_TYPES` and
`filename` name what to send. The admin and the API serve the same files.
"""

from django.utils import translation

from . import coverage, pdf, xlsx

FORMATS = ("csv", "xlsx", "pdf")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": xlsx.CONTENT_TYPE,
    "pdf": pdf.CONTENT_TYPE,
}


def filename(file_format, language):
    return f"coverage-{language}.{file_format}"


def export(report, file_format, language):
    with translation.override(language):
        if file_format == "csv":
            return coverage.as_csv(report).encode("utf-8")
        if file_format == "xlsx":
            return xlsx.as_xlsx(report, language)
        if file_format == "pdf":
            return pdf.as_pdf(report, language)
    raise ValueError(f"unknown coverage export format {file_format!r}")
