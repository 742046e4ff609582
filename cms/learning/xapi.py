"""Learning events as xAPI 1.0.3 statements: stored here, forwarded to an LRS if one is set.

Every statement of a learner on a course carries the context of their enrolment: its
registration (a UUID kept on the enrolment), the parent activity (the module of a lesson or
quiz, the course of a module, the quiz of a question) and the course as grouping. Activities
carry their type from the ADL vocabulary; each answer to a quiz question is an `answered`
statement about the question as a cmi.interaction (see `xapi_interactions`).
"""

import uuid

from django.conf import settings
from django.utils import timezone

from cms.outbox.service import enqueue

from . import xapi_interactions
from .models import CoursePage, ModulePage, Statement

VERBS = {
    "launched": "http://adlnet.gov/expapi/verbs/launched",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
XAPI_VERSION = "1.0.3"
ACTIVITY_TYPES = {
    "coursepage": "http://adlnet.gov/expapi/activities/course",
    "modulepage": "http://adlnet.gov/expapi/activities/module",
    "lessonpage": "http://adlnet.gov/expapi/activities/lesson",
    "quizpage": "http://adlnet.gov/expapi/activities/assessment",
}
PLATFORM = "PoA-ISS"


def language_tag(code):
    """A language code as an RFC 5646 tag: "zh-hans" is "zh-Hans"."""
    language, *subtags = code.split("-")
    return "-".join(
        [language.lower()]
        + [
            tag.title() if len(tag) == 4 else tag.upper() if len(tag) == 2 else tag
            for tag in subtags
        ]
    )


def activity_id(page, *parts):
    """The same activity in every language: pages are named by their translation key."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return "/".join([f"{base}/xapi/activities/{page.translation_key}", *parts])


def activity(page):
    """A page as an xAPI activity, with its name and ADL activity type."""
    definition = {"name": {language_tag(page.locale.language_code): page.title}}
    activity_type = ACTIVITY_TYPES.get(page.specific_class._meta.model_name)
    if activity_type:
        definition["type"] = activity_type
    return {"objectType": "Activity", "id": activity_id(page), "definition": definition}


def question_activity(quiz, question, language):
    return {
        "objectType": "Activity",
        "id": activity_id(quiz, "questions", question["id"]),
        "definition": xapi_interactions.definition(question, language),
    }


def actor(user):
    return {
        "objectType": "Agent",
        "name": user.get_full_name() or user.get_username(),
        "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": str(user.pk)},
    }


def context(page, enrolment, *, question=False):
    """The statement context of an event on `page` (or on one of its questions)."""
    course = CoursePage.objects.ancestor_of(page, inclusive=True).first()
    module = ModulePage.objects.ancestor_of(page, inclusive=True).first()
    if question:
        parent, grouping = page, [module, course]
    elif module is not None and module.pk != page.pk:
        parent, grouping = module, [course]
    else:
        parent, grouping = course, [course]
    activities = {}
    if parent is not None and parent.pk != page.pk or question:
        activities["parent"] = [activity(parent)]
    grouping = [activity(item) for item in grouping if item is not None and item.pk != page.pk]
    if grouping:
        activities["grouping"] = grouping
    result = {
        "registration": str(enrolment.registration),
        "platform": PLATFORM,
        "language": language_tag(enrolment.language),
    }
    if activities:
        result["contextActivities"] = activities
    return result


def record(user, verb, page, result=None, *, enrolment=None, question=None, statement_context=None):
    """Store a statement; forward it (through the outbox) when an LRS is set.

    `enrolment` gives the context (registration, parent and grouping activities); with
    `question` (a question as asked in an attempt of the quiz `page`) the statement is
    about that question. `statement_context` reuses a context built once for many."""
    if question is None:
        target = activity(page)
    else:
        language = language_tag(enrolment.language if enrolment else page.locale.language_code)
        target = question_activity(page, question, language)
    statement = {
        "id": str(uuid.uuid4()),
        "actor": actor(user),
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": target,
        "timestamp": timezone.now().isoformat(),
        "version": XAPI_VERSION,
    }
    if result is not None:
        statement["result"] = result
    if statement_context is None and enrolment is not None:
        statement_context = context(page, enrolment, question=question is not None)
    if statement_context:
        statement["context"] = statement_context
    stored = Statement.objects.create(
        id=statement["id"], user=user, verb=verb, object_id=target["id"], statement=statement
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


def answer_result(question, answer, fraction):
    """The result of one answered question: its score, success and the response."""
    result = score_result(0, fraction=fraction)
    response = xapi_interactions.response(question, answer)
    if response is not None:
        result["response"] = response
    return result
