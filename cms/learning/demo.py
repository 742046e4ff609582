"""The demo training course, in six languages.

The English course is described in `data/course.yaml`. The other languages go through
wagtail-localize as an editor's work would: each page becomes a translation source, its
segments are exported as PO, filled from `data/translations/<language>.po`, imported and
published. Running it again changes nothing.
"""

import html
import uuid
from pathlib import Path

import polib
import yaml
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.core.demo import DEMO_LANGUAGE
from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.models import ThematicArea

from .models import CoursePage, LessonPage, ModulePage, QuizPage

DATA_DIR = Path(__file__).parent / "data"
COURSE_FILE = DATA_DIR / "course.yaml"
CATALOGUE_DIR = DATA_DIR / "translations"
PARENT_SLUG = "learning"
TOOL_NAME = "PoA-ISS demo catalogue"
QUESTION_DEFAULTS = {"points": 1, "feedback": ""}
TYPE_DEFAULTS = {
    "multiple_choice": {"partial_credit": False},
    "short_text": {"case_sensitive": False},
    "numeric": {"tolerance": 0, "unit": ""},
}


LIST_FIELDS = ("options", "pairs", "items", "accepted_answers")


def list_items(values):
    """ListBlock items with ids, the stored form wagtail-localize extracts segments from."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def question_bank(specs):
    bank = []
    for spec in specs:
        value = {**QUESTION_DEFAULTS, **TYPE_DEFAULTS.get(spec["type"], {}), **spec}
        kind = value.pop("type")
        if "options" in value:
            value["options"] = [
                {"text": option["text"], "correct": bool(option.get("correct"))}
                for option in value["options"]
            ]
        for name in LIST_FIELDS:
            if name in value:
                value[name] = list_items(value[name])
        bank.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
    return bank


def objectives(texts):
    return [("objective", text) for text in texts or []]


def paragraphs(texts):
    return [("paragraph", f"<p>{html.escape(text, quote=False)}</p>") for text in texts or []]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_course(parent, spec):
    course = CoursePage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        estimated_duration=spec["estimated_duration"],
        objectives=objectives(spec["objectives"]),
        question_bank=question_bank(spec["questions"]),
        locale=parent.locale,
    )
    publish(parent, course)
    course.thematic_areas.set(
        ThematicArea.objects.filter(code__in=spec["thematic_areas"], locale=parent.locale)
    )
    course.save_revision().publish()
    modules = {}
    for module_spec in spec["modules"]:
        module = publish(
            course,
            ModulePage(
                title=module_spec["title"],
                slug=module_spec["slug"],
                intro=module_spec["intro"],
                estimated_duration=module_spec["estimated_duration"],
                objectives=objectives(module_spec["objectives"]),
            ),
        )
        modules[module.slug] = module
        if module_spec.get("prerequisites"):
            module.prerequisites.set([modules[slug] for slug in module_spec["prerequisites"]])
            module.save_revision().publish()
        for lesson in module_spec.get("lessons", []):
            publish(
                module,
                LessonPage(
                    title=lesson["title"],
                    slug=lesson["slug"],
                    estimated_duration=lesson["estimated_duration"],
                    body=paragraphs(lesson["body"]),
                ),
            )
        for quiz in module_spec.get("quizzes", []):
            publish(module, QuizPage(**quiz))
    return course


def load_catalogue(language):
    path = CATALOGUE_DIR / f"{language}.po"
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def translate(pages, stdout):
    for language in UN_LANGUAGE_CODES:
        if language == DEMO_LANGUAGE:
            continue
        locale = Locale.objects.get(language_code=language)
        catalogue = load_catalogue(language)
        created = 0
        for page in pages:
            if page.get_translation_or_none(locale) is not None:
                continue
            source, _created = TranslationSource.get_or_create_from_instance(page)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale
            )
            po = translation.export_po()
            for entry in po:
                entry.msgstr = catalogue.get(entry.msgid, "")
            translation.import_po(po, tool_name=TOOL_NAME)
            translation.save_target(publish=True)
            created += 1
        if created and stdout:
            stdout.write(f"learning: {created} course pages translated into {language}")


def source_pages(course):
    return [course, *course.get_descendants().order_by("path").specific()]


@transaction.atomic
def load(stdout=None):
    """Create the demo course under the E-learning section, and its translations."""
    spec = yaml.safe_load(COURSE_FILE.read_text(encoding="utf-8"))
    locale = Locale.objects.get(language_code=DEMO_LANGUAGE)
    parent = Page.objects.filter(slug=PARENT_SLUG, locale=locale).first()
    if parent is None:
        return None
    course = CoursePage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    if course is None:
        course = build_course(parent, spec)
        if stdout:
            stdout.write(f"learning: created the course {course.title!r}")
    translate(source_pages(course), stdout)
    return course


def update_catalogues():
    """Add the course's English segments to the five catalogues, keeping translations."""
    locale = Locale.objects.get(language_code=DEMO_LANGUAGE)
    spec = yaml.safe_load(COURSE_FILE.read_text(encoding="utf-8"))
    course = CoursePage.objects.get(slug=spec["slug"], locale=locale)
    msgids = []
    for page in source_pages(course):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        for segment in source.stringsegment_set.select_related("string").order_by("order"):
            if segment.string.data not in msgids:
                msgids.append(segment.string.data)
    for language in UN_LANGUAGE_CODES:
        if language == DEMO_LANGUAGE:
            continue
        known = load_catalogue(language)
        po = polib.POFile(wrapwidth=100)
        po.metadata = {
            "Project-Id-Version": "PoA-ISS demo course",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Transfer-Encoding": "8bit",
        }
        for msgid in msgids:
            po.append(polib.POEntry(msgid=msgid, msgstr=known.get(msgid, "")))
        po.save(str(CATALOGUE_DIR / f"{language}.po"))
    return msgids
