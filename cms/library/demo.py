"""Demo national reports and the world overview, in the six UN languages.

The English pages come from `data/demo/reports.yaml`; the five other languages go through
wagtail-localize from the catalogues `data/demo/translations/<language>.po`, as in
`cms.core.demo`. Idempotent: pages that exist are left alone.
"""

import html
from pathlib import Path

import polib
import yaml
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.core.demo import DEMO_LANGUAGE
from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.models import AssistanceForm, Country, ThematicArea

from .models import NationalReportIndexPage, NationalReportPage, ReportingCycle, WorldOverviewPage
from .questionnaire.filing import questionnaire_for
from .questionnaire.legacy import answers_from_sections

DEMO_DIR = Path(__file__).parent / "data" / "demo"
REPORTS_FILE = DEMO_DIR / "reports.yaml"
CATALOGUE_DIR = DEMO_DIR / "translations"
TOOL_NAME = "PoA-ISS demo catalogue"


def paragraph(text):
    return f"<p>{html.escape(text, quote=False)}</p>"


def sections_stream(spec, locale):
    stream = []
    for name, value in spec.items():
        if name == "legislation":
            stream.append(("legislation", [law_value(law) for law in value]))
        elif name == "needs":
            needs = [
                {
                    "thematic_area": ThematicArea.objects.get(
                        code=need["thematic_area"], locale=locale
                    ),
                    "assistance_form": AssistanceForm.objects.get(
                        code=need["assistance_form"], locale=locale
                    ),
                    "description": need["description"],
                }
                for need in value
            ]
            stream.append(("international_assistance", {"narrative": "", "needs": needs}))
        else:
            stream.append((name, paragraph(value)))
    return stream


def law_value(law):
    return {
        "original_title": law["original_title"],
        "english_title": law.get("english_title", ""),
        "description": law.get("description", ""),
        "date": law.get("date"),
        "link": law.get("link", ""),
    }


def read_sections_into_answers(report, stated=None):
    """Answer the questionnaire from the report's sections, as existing reports were, and
    with the `stated` answers ({question code: value}) the demo file gives."""
    version = questionnaire_for(report.cycle)
    if version is None:
        return
    questions = {
        code: (question.answer_type, question.item_fields)
        for code, question in version.questions_by_code().items()
    }
    models = {"thematic_area": ThematicArea, "assistance_form": AssistanceForm}

    def term_code(kind, pk):
        return models[kind].objects.filter(pk=pk).values_list("code", flat=True).first()

    report.questionnaire = version
    report.answers = answers_from_sections(report.sections.raw_data, questions, term_code)
    for code, value in (stated or {}).items():
        # The free text read from the sections stays as the answer's details.
        report.answers[code] = {**report.answers.get(code, {}), "value": value}
    publish(report)


def load_catalogue(language):
    path = CATALOGUE_DIR / f"{language}.po"
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def publish(page):
    page.save_revision().publish()


def ensure_child(parent, page):
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing is not None:
        return existing, False
    parent.add_child(instance=page)
    publish(page)
    return page, True


def translate(pages, stdout=None):
    """Translate each page (parents first) into the five other languages, from the catalogues."""
    for language in UN_LANGUAGE_CODES:
        if language == DEMO_LANGUAGE:
            continue
        catalogue = load_catalogue(language)
        locale = Locale.objects.get(language_code=language)
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


def load(stdout=None):
    spec = yaml.safe_load(REPORTS_FILE.read_text(encoding="utf-8"))
    locale = Locale.objects.get(language_code=DEMO_LANGUAGE)
    parent = Page.objects.filter(locale=locale, slug=spec["parent"]).first()
    if parent is None:
        return 0
    created = 0
    index, new = ensure_child(
        parent,
        NationalReportIndexPage(
            title=spec["index"]["title"],
            slug=spec["index"]["slug"],
            intro=spec["index"]["intro"],
            locale=locale,
        ),
    )
    created += new
    overview, new = ensure_child(
        parent,
        WorldOverviewPage(
            title=spec["overview"]["title"],
            slug=spec["overview"]["slug"],
            intro=spec["overview"]["intro"],
            locale=locale,
        ),
    )
    created += new
    pages = [index, overview]
    for report_spec in spec["reports"]:
        report, new = ensure_child(
            index,
            NationalReportPage(
                title=report_spec["title"],
                slug=report_spec["slug"],
                locale=locale,
                country=Country.objects.get(code=report_spec["country"], locale=locale),
                cycle=ReportingCycle.objects.get(code=report_spec["cycle"]),
                instrument=report_spec["instrument"],
                sections=sections_stream(report_spec["sections"], locale),
            ),
        )
        if new:
            read_sections_into_answers(report, report_spec.get("answers"))
        created += new
        pages.append(report)
    translate(pages, stdout)
    # wagtail-localize publishes translations when the transaction commits, saving each page
    # from the copy it made before its children existed: the translated parents' child counts
    # drop to zero, which hides their children from routing. Recount once they are published.
    transaction.on_commit(Page.fix_tree)
    if stdout is not None:
        stdout.write(f"national reports: {created} pages created")
    return created
