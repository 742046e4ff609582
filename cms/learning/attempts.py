"""Starting and submitting quiz attempts: the attempt limit, the time limit and the scoring.

Both operations lock the enrolment or the attempt row (SELECT ... FOR UPDATE) so that
concurrent or repeated requests are serialised; unique constraints back the locks up.
"""

import random
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import scoring, xapi
from .models import Attempt, Enrolment, QuizPage
from .progress import course_state, module_of, quiz_state, update_completion
from .questions import as_asked


class AttemptRefused(Exception):
    def __init__(self, message, errors=None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


def draw_questions(quiz, rng=None):
    """The questions for a new attempt, as asked, from the course's question bank."""
    rng = rng or random.SystemRandom()
    course = quiz.course
    bank = list(course.question_bank) if course else []
    count = min(quiz.question_count or len(bank), len(bank))
    if quiz.selection == QuizPage.Selection.RANDOM:
        chosen = rng.sample(bank, count)
    else:
        chosen = bank[:count]
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    return [as_asked(block, rng, shuffle=quiz.shuffle_options) for block in chosen]


def expire_overdue(enrolment, quiz_key, now):
    grace = timedelta(seconds=settings.LEARNING_SUBMISSION_GRACE_SECONDS)
    Attempt.objects.filter(
        enrolment=enrolment,
        quiz_key=quiz_key,
        status=Attempt.Status.IN_PROGRESS,
        deadline__lt=now - grace,
    ).update(status=Attempt.Status.EXPIRED, score=0, passed=False)


def start_attempt(enrolment, quiz):
    """The learner's open attempt at this quiz, or a new one if the rules allow: (attempt, new)."""
    now = timezone.now()
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        expire_overdue(enrolment, quiz.translation_key, now)
        attempts = list(enrolment.attempts.filter(quiz_key=quiz.translation_key))
        for attempt in attempts:
            if attempt.status == Attempt.Status.IN_PROGRESS:
                return attempt, False
        state = course_state(enrolment)
        module = module_of(state, quiz)
        if module is None:
            raise AttemptRefused(_("This quiz is not part of your course."))
        if module.locked:
            raise AttemptRefused(_("Complete the prerequisite modules first."))
        if quiz.max_attempts is not None and len(attempts) >= quiz.max_attempts:
            raise AttemptRefused(_("You have used every attempt at this quiz."))
        questions = draw_questions(quiz)
        if not questions:
            raise AttemptRefused(_("This quiz has no questions yet."))
        try:
            with transaction.atomic():
                attempt = Attempt.objects.create(
                    enrolment=enrolment,
                    quiz=quiz,
                    quiz_key=quiz.translation_key,
                    number=len(attempts) + 1,
                    started_at=now,
                    deadline=now + timedelta(minutes=quiz.time_limit) if quiz.time_limit else None,
                    questions=questions,
                )
        except IntegrityError as error:
            # Only reachable without row locks (SQLite): another request won the race.
            raise AttemptRefused(_("Another attempt was started at the same time.")) from error
        enrolment.last_page = quiz
        enrolment.save(update_fields=["last_page"])
        xapi.record(enrolment.user, "launched", quiz, enrolment=enrolment)
    return attempt, True


def validate_answers(attempt, answers):
    if not isinstance(answers, dict):
        raise AttemptRefused(_("Answers must be an object keyed by question id."))
    questions = {question["id"]: question for question in attempt.questions}
    errors = {}
    for question_id, answer in answers.items():
        field = f"answers.{question_id}"
        if question_id not in questions:
            errors[field] = [_("This question is not part of this attempt.")]
            continue
        if answer is None:
            continue
        try:
            scoring.check_answer(questions[question_id], answer)
        except scoring.AnswerError as error:
            errors[field] = [str(error)]
    if errors:
        raise AttemptRefused(_("Some answers cannot be accepted."), errors)


def submit_attempt(attempt_id, user, answers):
    """Score the answers once; a second submission or a late one is refused and changes nothing."""
    now = timezone.now()
    grace = timedelta(seconds=settings.LEARNING_SUBMISSION_GRACE_SECONDS)
    with transaction.atomic():
        attempt = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("enrolment", "quiz")
            .get(pk=attempt_id, enrolment__user=user)
        )
        if attempt.status != Attempt.Status.IN_PROGRESS:
            raise AttemptRefused(_("This attempt has already been submitted."))
        if attempt.deadline is not None and now > attempt.deadline + grace:
            raise AttemptRefused(_("The time limit of this attempt has passed."))
        validate_answers(attempt, answers)
        quiz = attempt.quiz
        percentage, fractions = scoring.score_attempt(attempt.questions, answers)
        attempt.answers = answers
        attempt.results = fractions
        attempt.score = percentage
        attempt.passed = percentage >= quiz.pass_mark
        attempt.status = Attempt.Status.SUBMITTED
        attempt.submitted_at = now
        attempt.save()
        enrolment = attempt.enrolment
        question_context = xapi.context(quiz, enrolment, question=True)
        for question in attempt.questions:
            if question["id"] in answers:
                xapi.record(
                    user,
                    "answered",
                    quiz,
                    xapi.answer_result(
                        question, answers[question["id"]], fractions[question["id"]]
                    ),
                    enrolment=enrolment,
                    question=question,
                    statement_context=question_context,
                )
        verb = "passed" if attempt.passed else "failed"
        result = xapi.score_result(percentage, passed=attempt.passed)
        xapi.record(user, verb, quiz, result, enrolment=enrolment)
        update_completion(attempt.enrolment)
    return attempt


def answers_visible(attempt):
    """Whether the quiz's rules allow showing this attempt's correct answers now."""
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return False
    rule = attempt.quiz.show_answers
    if rule == QuizPage.ShowAnswers.AFTER_ATTEMPT:
        return True
    if rule == QuizPage.ShowAnswers.AFTER_FINAL:
        return quiz_state(attempt.enrolment, attempt.quiz).final
    return False
