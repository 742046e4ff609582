"""Background work of the analysis: outbox handlers and the printed report."""

import logging

from celery import shared_task
from django.core.cache import cache

from cms.library.models import ReportingCycle

from . import report_pdf
from .facts import refresh

logger = logging.getLogger(__name__)


def refresh_state_cycle_handler(payload):
    """Recount one State in one cycle; idempotent, it reads the reports as they are now."""
    refresh(payload["country"], payload["cycle"])


@shared_task(name="cms.analysis.tasks.draw_report_pdf", ignore_result=True)
def draw_report_pdf(cycle_code, language, mapped, key, pending_key, timeout):
    """Draw the printed analysis into the shared cache under `key`.

    Idempotent: a document already drawn under that key is kept. The pending mark is dropped
    either way, so that a failed drawing is tried again on the next request.
    """
    try:
        if cache.get(key) is None:
            cycle = ReportingCycle.objects.get(code=cycle_code)
            cache.set(key, report_pdf.render_pdf(cycle, language, mapped), timeout=timeout)
    finally:
        cache.delete(pending_key)
