from celery import shared_task

from . import lockout


@shared_task(name="cms.accounts.tasks.purge_sign_in_failures", ignore_result=True)
def purge_sign_in_failures():
    """Periodic: forget failed sign-ins older than the lock-out window."""
    return lockout.purge_expired()
