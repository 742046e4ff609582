from celery import shared_task

from . import service


@shared_task(name="cms.outbox.tasks.process_message", ignore_result=True)
def process_message(message_pk):
    service.process(message_pk)


@shared_task(name="cms.outbox.tasks.replay_pending", ignore_result=True)
def replay_pending():
    """Periodic: run what the broker never delivered (or what failed) since the last replay."""
    return service.replay_pending()
