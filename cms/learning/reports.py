"""Figures for course authors: enrolments, completion and pass rates, question difficulty."""

from collections import defaultdict

from django.db.models import Count

from cms.core.languages import pick_translation, source_language

from .models import Attempt, CoursePage, Enrolment


def course_titles(keys):
    """Each course's title in the source language (or any language it exists in)."""
    titles = defaultdict(dict)
    for course in CoursePage.objects.filter(translation_key__in=keys).select_related("locale"):
        titles[course.translation_key].setdefault(course.locale.language_code, course.title)
    return {key: in_source_language(by_language) for key, by_language in titles.items()}


def in_source_language(by_language):
    """The source language's value in {language: value}, else the first one found."""
    found = pick_translation(by_language, source_language())
    return found[1] if found else next(iter(by_language.values()))


def rate(part, whole):
    return round(100 * part / whole, 1) if whole else None


def course_rows():
    """One row per course and language of enrolment."""
    enrolments = (
        Enrolment.objects.values("course_key", "language")
        .annotate(enrolled=Count("pk"), completed=Count("completed_at"))
        .order_by("course_key", "language")
    )
    attempts = defaultdict(lambda: [0, 0])
    finished = Attempt.objects.exclude(status=Attempt.Status.IN_PROGRESS)
    for row in finished.values("enrolment__course_key", "enrolment__language", "passed"):
        counts = attempts[(row["enrolment__course_key"], row["enrolment__language"])]
        counts[0] += 1
        counts[1] += bool(row["passed"])
    titles = course_titles({row["course_key"] for row in enrolments})
    rows = []
    for row in enrolments:
        taken, passed = attempts[(row["course_key"], row["language"])]
        rows.append(
            {
                "course": titles.get(row["course_key"], str(row["course_key"])),
                "language": row["language"],
                "enrolments": row["enrolled"],
                "completions": row["completed"],
                "completion_rate": rate(row["completed"], row["enrolled"]),
                "attempts": taken,
                "pass_rate": rate(passed, taken),
            }
        )
    return rows


def question_rows():
    """Per question (the same id in every language): how often asked, and how hard."""
    asked = defaultdict(int)
    earned = defaultdict(float)
    prompts = defaultdict(dict)
    courses = {}
    finished = Attempt.objects.filter(status=Attempt.Status.SUBMITTED).select_related("enrolment")
    for attempt in finished:
        for question in attempt.questions:
            question_id = question["id"]
            asked[question_id] += 1
            earned[question_id] += attempt.results.get(question_id, 0)
            prompts[question_id].setdefault(attempt.enrolment.language, question["prompt"])
            courses[question_id] = attempt.enrolment.course_key
    titles = course_titles(set(courses.values()))
    rows = [
        {
            "course": titles.get(courses[question_id], ""),
            "question": in_source_language(prompts[question_id]),
            "question_id": question_id,
            "times_asked": count,
            "average_score": round(100 * earned[question_id] / count, 1),
            # The share of the points learners missed: 0 is easy, 100 is never answered right.
            "difficulty": round(100 - 100 * earned[question_id] / count, 1),
        }
        for question_id, count in asked.items()
    ]
    return sorted(rows, key=lambda row: (-row["difficulty"], row["question"]))
