"""The durable outbox: work written in the caller's transaction, run by Celery after commit.

    class AssistanceConfig(AppConfig):
        outbox_topics = {"assistance.rematch-need": "assistance.tasks.rematch_need_handler"}

    enqueue("assistance.rematch-need", key=f"need:{need.pk}", payload={"need": need.pk})

Each app declares the topics it handles in its `AppConfig.outbox_topics` (topic -> dotted
path of a handler taking the payload); `OutboxConfig.ready` registers those of the installed
apps. `enqueue` writes an `OutboxMessage` row in the current transaction and, once it
commits, sends a Celery task to process it. Should the broker be down, the row stays pending
and the periodic `replay_pending` task runs it later: an outage delays work but loses none.

Handlers take the payload and must be idempotent: a message may be processed again after a
crash. Processing a message also completes the older pending messages with the same topic and
key, so handlers should act on the current state of what the key names, not on a diff; work
that must happen once per message (an e-mail) needs a key of its own.

Outbox topics:

- `assistance.rematch-need`, `assistance.rematch-resource`: rematch what a saved need or a
  saved or deleted resource affects.
- `assistance.propose-needs-from-report`: turn the needs a published national report states
  into proposed needs of its State (once per entry, whatever the number of publications).
- `search.update`: bring one document's search index entry in line with the database.
- `library.extract-document-text`: extract the text of a national report's PDF file.
- `library.refresh-country-profile`: rebuild a country's stored profile in one language.
- `library.send-submission-receipt`: send the receipt of one national report submission.
- `analysis.refresh-state-cycle`: recount one State's published report in one cycle.
- `editorial.send-notification`: send one workflow e-mail (an `editorial.Notification`).
- `network.send-notification`: send one instant e-mail to a network member.
- `learning.forward-statement`: forward one xAPI statement to the external LRS.
"""

import logging
import traceback
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import OutboxMessage

logger = logging.getLogger(__name__)

# After this many failed attempts a message waits for a person (see the admin) instead of
# being replayed for ever.
MAX_ATTEMPTS = 10
# A message younger than this is left to the task dispatched on commit, not replayed.
REPLAY_GRACE = timedelta(seconds=30)

_handlers = {}


class UnknownTopic(LookupError):
    pass


def register(topic, handler):
    """Name the handler of a topic: a callable or its dotted path (resolved when first used)."""
    _handlers[topic] = handler


def handler_for(topic):
    handler = _handlers.get(topic)
    if handler is None:
        raise UnknownTopic(f"No outbox handler is registered for the topic {topic!r}.")
    if isinstance(handler, str):
        handler = _handlers[topic] = import_string(handler)
    return handler


def enqueue(topic, key, payload=None):
    """Record work to do once the current transaction commits; returns the message."""
    handler_for(topic)  # fail early, in the caller's transaction, on a topic nobody handles
    message = OutboxMessage.objects.create(topic=topic, key=str(key), payload=payload or {})
    transaction.on_commit(lambda: dispatch(message.pk))
    return message


def dispatch(message_pk):
    """Send the message to a worker; if the broker cannot take it, the replay will."""
    from .tasks import process_message

    try:
        process_message.apply_async((message_pk,), retry=False)
    except Exception:  # the broker is unreachable: the row is durable, log and move on
        logger.warning("Outbox message %s not sent; the replay will run it.", message_pk)


def process(message_pk):
    """Run one message's handler; returns True when the message is (now or already) done."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True).filter(pk=message_pk).first()
        )
        if message is None or message.processed_at is not None:
            # Done already, or being done by another worker right now.
            return message is not None
        try:
            with transaction.atomic():
                handler_for(message.topic)(message.payload)
        except Exception:
            message.attempts += 1
            message.last_error = traceback.format_exc()[-4000:]
            message.save(update_fields=["attempts", "last_error"])
            logger.exception("Outbox message %s (%s) failed.", message.pk, message)
            return False
        now = timezone.now()
        # Older pending messages about the same thing are satisfied by this run.
        OutboxMessage.objects.pending().filter(
            topic=message.topic, key=message.key, pk__lte=message.pk
        ).update(processed_at=now, attempts=F("attempts") + 1)
        return True


def replay_pending(limit=500, now=None):
    """Process pending messages older than the grace period; returns how many got done."""
    cutoff = (now or timezone.now()) - REPLAY_GRACE
    pending = (
        OutboxMessage.objects.pending()
        .filter(created_at__lte=cutoff, attempts__lt=MAX_ATTEMPTS)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(process(pk) for pk in list(pending))
