"""Where a learner stands in a course: lessons done, quizzes passed, modules unlocked.

Progress is kept by translation key, so it follows a learner from one language to another;
the course structure is read from the language version the learner enrolled in.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core.languages import profile_language

from .models import Attempt, Certificate, LessonPage, LessonProgress, ModulePage, QuizPage


@dataclass
class QuizState:
    quiz: QuizPage
    attempts_used: int
    score: float | None
    passed: bool

    @property
    def attempts_left(self):
        if self.quiz.max_attempts is None:
            return None
        return max(0, self.quiz.max_attempts - self.attempts_used)

    @property
    def final(self):
        """Passed, or no attempt left: the quiz's answers may then be shown."""
        return self.passed or self.attempts_left == 0


@dataclass
class ModuleState:
    module: ModulePage
    lessons: list = field(default_factory=list)  # [(LessonPage, completed)]
    quizzes: list = field(default_factory=list)  # [QuizState]
    locked: bool = False

    @property
    def completed(self):
        return all(done for _lesson, done in self.lessons) and all(
            state.passed for state in self.quizzes
        )


@dataclass
class CourseState:
    modules: list

    @property
    def items(self):
        return [
            (state.module, item)
            for state in self.modules
            for item in [lesson for lesson, _done in state.lessons]
            + [quiz.quiz for quiz in state.quizzes]
        ]

    @property
    def completed(self):
        return bool(self.modules) and all(state.completed for state in self.modules)

    @property
    def percent(self):
        done = total = 0
        for state in self.modules:
            done += sum(1 for _lesson, completed in state.lessons if completed)
            done += sum(1 for quiz in state.quizzes if quiz.passed)
            total += len(state.lessons) + len(state.quizzes)
        return round(100 * done / total) if total else 0


def graded(attempts, grading):
    """The score and pass that count, by the quiz's grading method, from finished attempts."""
    finished = [attempt for attempt in attempts if attempt.status != Attempt.Status.IN_PROGRESS]
    if not finished:
        return None, False
    if grading == QuizPage.Grading.LAST:
        chosen = max(finished, key=lambda attempt: attempt.number)
    else:
        chosen = max(finished, key=lambda attempt: attempt.score or 0)
    return chosen.score, bool(chosen.passed)


def quiz_state(enrolment, quiz, attempts=None):
    if attempts is None:
        attempts = list(enrolment.attempts.filter(quiz_key=quiz.translation_key))
    score, passed = graded(attempts, quiz.grading)
    return QuizState(quiz=quiz, attempts_used=len(attempts), score=score, passed=passed)


def course_state(enrolment):
    completed_lessons = set(
        enrolment.lessons.filter(completed_at__isnull=False).values_list("lesson_key", flat=True)
    )
    attempts = {}
    for attempt in enrolment.attempts.all():
        attempts.setdefault(attempt.quiz_key, []).append(attempt)
    modules = []
    for module in ModulePage.objects.child_of(enrolment.course).live().order_by("path"):
        state = ModuleState(module=module)
        for child in module.get_children().live().order_by("path").specific():
            if isinstance(child, LessonPage):
                state.lessons.append((child, child.translation_key in completed_lessons))
            elif isinstance(child, QuizPage):
                state.quizzes.append(
                    quiz_state(enrolment, child, attempts.get(child.translation_key, []))
                )
        modules.append(state)
    done = {state.module.translation_key for state in modules if state.completed}
    for state in modules:
        required = {module.translation_key for module in state.module.prerequisites.all()}
        state.locked = not required <= done
    return CourseState(modules=modules)


def module_of(state, page):
    """The state of the module holding `page`, whichever language version `page` is in."""
    parent_key = page.get_parent().specific.translation_key
    for module_state in state.modules:
        if module_state.module.translation_key == parent_key:
            return module_state
    return None


def resume_page(enrolment, state):
    """Where the learner picks up: the last page opened if unfinished, else the next one."""
    unfinished = []
    for module_state in state.modules:
        if module_state.locked:
            continue
        unfinished += [lesson for lesson, done in module_state.lessons if not done]
        unfinished += [quiz.quiz for quiz in module_state.quizzes if not quiz.passed]
    last = enrolment.last_page
    if last is not None:
        for page in unfinished:
            if page.translation_key == last.translation_key:
                return page
    return unfinished[0] if unfinished else None


def learner_name(user):
    return user.get_full_name() or user.get_username()


def certificate_language(enrolment):
    return profile_language(enrolment.user) or enrolment.language


def update_completion(enrolment):
    """Mark the course completed and issue its certificate once everything is done."""
    from . import xapi

    if enrolment.completed_at is not None:
        return False
    if not course_state(enrolment).completed:
        return False
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    language = certificate_language(enrolment)
    course = enrolment.course
    translated = (
        course.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=language)
        .first()
    )
    Certificate.objects.create(
        enrolment=enrolment,
        learner_name=learner_name(enrolment.user),
        course_title=(translated or course).title,
        language=language,
        issued_at=enrolment.completed_at,
    )
    xapi.record(enrolment.user, "completed", course, enrolment=enrolment)
    return True


def record_lesson(enrolment, lesson, completed):
    """A learner opened (and maybe finished) a lesson; refused while its module is locked."""
    from . import xapi
    from .attempts import AttemptRefused

    with transaction.atomic():
        state = course_state(enrolment)
        module = module_of(state, lesson)
        if module is None:
            raise AttemptRefused(_("This lesson is not part of your course."))
        if module.locked:
            raise AttemptRefused(_("Complete the prerequisite modules first."))
        progress, created = LessonProgress.objects.get_or_create(
            enrolment=enrolment, lesson_key=lesson.translation_key, defaults={"lesson": lesson}
        )
        if created:
            xapi.record(enrolment.user, "launched", lesson, enrolment=enrolment)
        if completed and progress.completed_at is None:
            progress.completed_at = timezone.now()
            progress.save(update_fields=["completed_at"])
            xapi.record(enrolment.user, "completed", lesson, enrolment=enrolment)
        enrolment.last_page = lesson
        enrolment.save(update_fields=["last_page"])
        update_completion(enrolment)
    return progress
