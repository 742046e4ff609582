"""Read assistance data from files: project listings, CSV and XLSX tables.

The modules here know nothing of the database: they turn text into plain dataclasses and
report, with line or row and column, everything they could not read.
"""
