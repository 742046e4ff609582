"""Learning events as xAPI 1.0.3 statements: stored here, forwarded to an LRS if one is set."""

import uuid

from django.conf import settings
from django.utils import timezone

from cms.outbox.service import enqueue

from .models import Statement

VERBS = {
    "launched": "http://adlnet.gov/expapi/verbs/launched",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
XAPI_VERSION = "1.0.3"


def activity_id(page, *parts):
    """The same activity in every language: pages are named by their translation key."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return "/".join([f"{base}/xapi/activities/{page.translation_key}", *parts])


def actor(user):
    return {
        "objectType": "Agent",
        "name": user.get_full_name() or user.get_username(),
        "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": str(user.pk)},
    }


def record(user, verb, page, result=None, sub_activity=None):
    """Store a statement; forward it (through the outbox) when an LRS is set."""
    object_id = activity_id(page, *(["questions", sub_activity] if sub_activity else []))
    statement = {
        "id": str(uuid.uuid4()),
        "actor": actor(user),
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": object_id,
            "definition": {"name": {page.locale.language_code: page.title}},
        },
        "timestamp": timezone.now().isoformat(),
        "version": XAPI_VERSION,
    }
    if result is not None:
        statement["result"] = result
    stored = Statement.objects.create(
        id=statement["id"], user=user, verb=verb, object_id=object_id, statement=statement
    )
    if settings.LEARNING_LRS["ENDPOINT"]:
        from .tasks import FORWARD_STATEMENT

        key = str(stored.pk)
        enqueue(FORWARD_STATEMENT, f"statement:{key}", {"statement": key})
    return stored


def score_result(percentage, passed=None, fraction=None):
    result = {"score": {"scaled": round(percentage / 100, 4)}}
    if fraction is not None:
        result = {"score": {"scaled": round(fraction, 4)}, "success": fraction >= 1}
    if passed is not None:
        result["success"] = passed
        result["completion"] = True
    return result
