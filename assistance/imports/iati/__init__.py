"""IATI 2.03 activity files: dataclasses, a writer, a reader and schema validation.

See docs/importers.md for how PoA-ISS projects map onto IATI elements.
"""
