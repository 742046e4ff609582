from celery import shared_task


@shared_task(name="cms.api.tasks.purge_idempotency_keys", ignore_result=True)
def purge_idempotency_keys():
    """Periodic: forget idempotency keys, and the answers stored with them, after a day."""
    from .idempotency import purge_expired

    return purge_expired()
