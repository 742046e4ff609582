"""Assistance data in and out of files: project listings, CSV and XLSX tables, IATI XML.

The parsers here (`project_listing`, `tabular` with its schemas, `iati`) know nothing of the
database: they turn files into the plain records of `records` and report, with line or row
and column, everything they could not read. The modules in `services` write those records
to the database, all of a file or nothing.
"""
