"""The "Analysis of national reports" of one reporting cycle, as a PDF in any UN language.

The document the secretariat used to write by hand before each meeting of States: who
reported (a world map, the rates across cycles, a table by region, the States that never
reported), then, section by section of the questionnaire, each status and number question
with its figures by region and group of States, a stacked bar chart and, for the key
questions (or all of them), a world map. Every figure says how many published reports it
rests on and flags a small base.

WeasyPrint lays it out from `analysis/report/document.html`. As for the course certificates,
Pango shapes Arabic (the whole document runs right to left) and picks the CJK font for
Chinese; the Noto fonts come from the system (Debian: fonts-noto-core, fonts-noto-cjk). The
PDF is tagged (PDF/UA-1) so that its text is read and extracted in reading order.
"""

from dataclasses import dataclass

from babel.dates import format_date
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.core.languages import BABEL_LOCALES, is_right_to_left
from cms.library.models import QuestionnaireVersion, ReportingCycle

from . import charts, pictures, tables
from .figures import SMALL_BASE, question_catalogue, question_figures
from .labels import number, percent
from .rates import never_reported, reporting_rates, status_by_state
from .report_parts import (
    SMALL_BASE_MARK,
    STATUS_TYPE,
    PrintedRow,
    PrintedTable,
    as_image,
    base_sentence,
    printed_map,
    question_part,
    small_base_note,
)
from .states import Scope, reporting_states, scope_label

CONTENT_TYPE = "application/pdf"
TEMPLATE = "analysis/report/document.html"
PRINTED_TYPES = (STATUS_TYPE, "number", "list")
# The questions mapped in every document: one for each commitment the meetings of States
# review first (national coordination, the point of contact, marking, record-keeping,
# stockpiles, brokering). Mapping every status question (MAPS_ALL) is asked for explicitly:
# it makes the document about 20 pages longer, twice as slow to draw and 2.5 times larger
# (see benchmarks/README.md).
KEY_QUESTIONS = (
    "poa-ii-4-coordination-agency",
    "poa-ii-5-point-of-contact",
    "iti-8-marking-at-manufacture",
    "iti-11-records-kept",
    "poa-ii-17-stockpile-standards",
    "poa-ii-14-brokering-controls",
)
MAPS_KEY, MAPS_ALL = "key", "all"
MAP_CHOICES = (MAPS_KEY, MAPS_ALL)
FONT_FAMILIES = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "zh-hans": '"Noto Sans CJK SC", "Noto Sans", sans-serif',
}
DEFAULT_FONT_FAMILY = '"Noto Sans", "DejaVu Sans", sans-serif'


@dataclass
class SectionPart:
    anchor: str
    title: str
    questions: list


@dataclass
class RatesPart:
    reported: int  # States that reported in the cycle: the published reports counted
    summary: str
    map: object  # PrintedMap
    chart: str
    table: PrintedTable
    never_reported: list  # State names


def css_string(text):
    """`text` as a quoted CSS string, for the running header of the page margins."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ")
    return mark_safe('"' + " ".join(escaped.split()) + '"')


def questionnaire_of(cycle):
    """The questionnaire the cycle's reports answer; the latest one for a cycle without one."""
    if cycle.questionnaire_id:
        return cycle.questionnaire
    return QuestionnaireVersion.objects.order_by("-code").first()


def reporting_summary(rate, language):
    return _(
        "%(reported)s of %(states)s States reported (%(share)s): %(poa)s on the Programme of "
        "Action, %(iti)s on the International Tracing Instrument."
    ) % {
        "reported": number(rate.reported, language),
        "states": number(rate.states, language),
        "share": percent(rate.share, language),
        "poa": number(rate.poa, language),
        "iti": number(rate.iti, language),
    }


def rates_part(cycle, scope, states, scope_name, language):
    cycles = list(ReportingCycle.objects.filter(year__lte=cycle.year).order_by("year", "code"))
    rates = reporting_rates(cycles, scope, states)
    this_cycle = next(entry for entry in rates if entry[0].pk == cycle.pk)
    total = this_cycle[1]
    areas, classes = pictures.reporting_map_classes(
        status_by_state(cycle, scope, states), states, language
    )
    chart = pictures.rates_chart(
        rates, _("Reporting rate: %(scope)s") % {"scope": scope_name}, language, show_title=False
    )
    table = tables.rates_table([this_cycle], scope_name, language)
    # The table's first column repeats the cycle the whole document is about.
    rows = [PrintedRow(cells=table.rows[0][1:], small_base=False, kind="total")]
    rows += [PrintedRow(cells=row[1:], small_base=False, kind="area") for row in table.rows[1:]]
    return RatesPart(
        reported=total.reported,
        summary=reporting_summary(total, language),
        map=printed_map(
            areas,
            classes,
            title=_("National reports, %(cycle)s") % {"cycle": cycle.label},
            language=language,
        ),
        chart=as_image(charts.for_weasyprint(chart)),
        table=PrintedTable(caption=_("By region"), columns=table.columns[1:], rows=rows),
        never_reported=[state.name for state in never_reported(scope, states)],
    )


def question_sections(cycle, scope, states, scope_name, language, mapped):
    """The questionnaire's sections, each with the parts of its status and number questions."""
    version = questionnaire_of(cycle)
    if version is None:
        return []
    analysed = question_catalogue()
    sections = []
    for section in version.sections.order_by("sort_order", "pk").prefetch_related("questions"):
        parts = []
        for question in sorted(section.questions.all(), key=lambda item: item.sort_order):
            if question.answer_type not in PRINTED_TYPES or question.code not in analysed:
                continue
            with_map = question.answer_type == STATUS_TYPE and (
                mapped == MAPS_ALL or question.code in KEY_QUESTIONS
            )
            figures = question_figures(question, cycle, scope, states)
            parts.append(question_part(figures, states, scope_name, language, with_map))
        if parts:
            sections.append(
                SectionPart(
                    anchor=f"section-{section.code}",
                    title=section.title_in(language),
                    questions=parts,
                )
            )
    return sections


def report_context(cycle, language, mapped=MAPS_KEY):
    """Everything the template prints. Call inside `translation.override(language)`."""
    right_to_left = is_right_to_left(language)
    states = reporting_states(language)
    scope = Scope()
    scope_name = scope_label(scope, language)
    title = _("Analysis of national reports")
    rates = rates_part(cycle, scope, states, scope_name, language)
    return {
        "language": language,
        "direction": "rtl" if right_to_left else "ltr",
        "right_to_left": right_to_left,
        "font_family": mark_safe(FONT_FAMILIES.get(language, DEFAULT_FONT_FAMILY)),
        "title": title,
        "cycle": cycle,
        "meeting": cycle.label,
        "running_title": css_string(f"{title} · {cycle.label}"),
        "generated_on": format_date(
            timezone.localdate(), format="long", locale=BABEL_LOCALES[language]
        ),
        "created": timezone.localdate().isoformat(),
        "base": base_sentence(rates.reported, language),
        "small_base_mark": SMALL_BASE_MARK,
        "small_base_note": small_base_note(),
        "small_base_minimum": SMALL_BASE,
        "rates": rates,
        "sections": question_sections(cycle, scope, states, scope_name, language, mapped),
    }


def render_html(cycle, language, mapped=MAPS_KEY):
    with translation.override(language):
        return render_to_string(TEMPLATE, report_context(cycle, language, mapped))


def render_pdf(cycle, language, mapped=MAPS_KEY):
    """The document as PDF bytes, tagged, with its title and language; `mapped`: MAP_CHOICES."""
    from weasyprint import HTML

    html = render_html(cycle, language, mapped)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
