"""Outbox handlers of the analysis (see `AnalysisConfig.outbox_topics`)."""

from .facts import refresh


def refresh_state_cycle_handler(payload):
    """Recount one State in one cycle; idempotent, it reads the reports as they are now."""
    refresh(payload["country"], payload["cycle"])
