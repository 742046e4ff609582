"""Count the demo's published reports (they were published before the analysis listened)."""

from .facts import rebuild


def load(stdout=None):
    counted = rebuild()
    if stdout is not None:
        stdout.write(f"analysis: {counted} published reports counted")
    return counted
