"""Country profiles, assembled from what each component knows about a country.

A profile is a list of sections. Each section comes from the app that owns the data, which
declares it in its AppConfig's `profile_sections` (see `cms.core.plugins`):

    profile_sections = [
        ProfileSection("needs", "assistance.profiles.needs_section",
                       label=_("Assistance needs"), order=30),
    ]

The provider is called as `provider(country_code, language_code, user)` and returns
JSON-ready data, or None to leave the section out. This app declares the section drawn from
the national reports; the network declares the points of contact, assistance the needs and
the projects. `register_section` adds or replaces a section at run time, over the declared
ones.
"""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.plugins import ProfileSection, contributions

EXCERPT_WORDS = 80

_registry = {}


def register_section(name, provider, *, label, order=100):
    """Add (or replace) the section `name` of every country profile."""
    _registry[name] = ProfileSection(name, provider, label, order)


def registered_sections():
    sections = {}
    for _app_config, declared in contributions("profile_sections"):
        sections.update((section.name, section) for section in declared)
    sections.update(_registry)
    return sorted(sections.values(), key=lambda section: (section.order, section.name))


def build_profile(country_code, language_code, user=None):
    sections = []
    for section in registered_sections():
        data = section.data(country_code, language_code, user)
        if data is not None:
            sections.append({"name": section.name, "label": str(section.label), "data": data})
    return sections


# --- The section this app provides: the national reports ------------------------------------


def plain_excerpt(html):
    return Truncator(strip_tags(html or "").strip()).words(EXCERPT_WORDS)


def section_excerpt(block):
    value = block.value
    if block.block_type == "legislation":
        return [
            {
                "original_title": law["original_title"],
                "english_title": law["english_title"],
                "date": law["date"].isoformat() if law["date"] else None,
                "link": law["link"] or None,
            }
            for law in value
        ]
    if block.block_type == "sdg_16_4_2":
        return {name: value[name] for name in ("year", "seized", "traced")}
    if block.block_type == "international_assistance":
        return {
            "narrative": plain_excerpt(value["narrative"].source if value["narrative"] else ""),
            "needs": block.block.child_blocks["needs"].get_api_representation(value["needs"]),
        }
    return plain_excerpt(value.source)


def reports_in(country_code, language_code):
    """The country's live, public reports in the language, else in the source language."""
    from cms.core.languages import with_fallback

    from .models import NationalReportPage

    reports = NationalReportPage.objects.live().public().filter(country__code=country_code)
    return list(
        with_fallback(reports, language_code, live_only=True)
        .select_related("cycle", "locale")
        .order_by("-cycle__year", "-submission_date")
    )


def compute_reports_section(country_code, language_code):
    from .report_blocks import SECTION_ORDER, section_label

    reports = reports_in(country_code, language_code)
    if not reports:
        return None
    timeline = [
        {
            "cycle": report.cycle.code,
            "year": report.cycle.year,
            "instrument": report.instrument,
            "submission_date": report.submission_date.isoformat()
            if report.submission_date
            else None,
            "report_id": report.pk,
            "title": report.title,
            "locale": report.locale.language_code,
        }
        for report in sorted(reports, key=lambda report: report.cycle.year)
    ]
    excerpts = []
    for name in SECTION_ORDER:
        for report in reports:  # newest first: the latest word on each section
            block = next((b for b in report.sections if b.block_type == name), None)
            if block is not None:
                excerpts.append(
                    {
                        "section": name,
                        "label": str(section_label(name)),
                        "cycle": report.cycle.code,
                        "report_id": report.pk,
                        "excerpt": section_excerpt(block),
                    }
                )
                break
    return {
        "timeline": timeline,
        "answers": latest_answers(reports, language_code),
        "excerpts": excerpts,
    }


def latest_answers(reports, language_code):
    """Per questionnaire section, the latest answer to each question and the cycle it is from.

    `reports` are newest first; questions and sections read as in the newest report's version.
    """
    from .models.questionnaire import in_language
    from .questionnaire.answers import STATUS_LABELS
    from .questionnaire.filing import questions_of

    latest = {}
    for report in reports:
        for code, answer in (report.answers or {}).items():
            if code not in latest:
                latest[code] = (report, answer)
    if not latest:
        return []
    questions = questions_of(reports[0])
    sections = []
    for code, question in questions.items():
        if code not in latest:
            continue
        report, answer = latest[code]
        value = answer.get("value")
        if not sections or sections[-1]["section"] != question.section.code:
            sections.append(
                {
                    "section": question.section.code,
                    "title": in_language(question.section.title, language_code),
                    "answers": [],
                }
            )
        sections[-1]["answers"].append(
            {
                "question": code,
                "text": in_language(question.text, language_code),
                "value": value,
                "value_label": str(STATUS_LABELS[value])
                if isinstance(value, str) and value in STATUS_LABELS
                else None,
                "details": Truncator(answer.get("details") or "").words(EXCERPT_WORDS),
                "cycle": report.cycle.code,
                "report_id": report.pk,
            }
        )
    return sections


def reports_section(country_code, language_code, user=None):
    """Served from the stored copy, refreshed whenever a report is published or unpublished."""
    from django.utils import translation

    from .models import CountryProfileSection

    stored = CountryProfileSection.objects.filter(
        country_code=country_code, language=language_code, section="reports"
    ).first()
    if stored is not None:
        return stored.data or None
    with translation.override(language_code):
        data = compute_reports_section(country_code, language_code)
    store(country_code, language_code, data)
    return data


def store(country_code, language_code, data):
    from .models import CountryProfileSection

    CountryProfileSection.objects.update_or_create(
        country_code=country_code,
        language=language_code,
        section="reports",
        defaults={"data": data or {}},
    )


def refresh_stored_sections(country_code, language_code=None):
    from django.utils import translation

    from .models import CountryProfileSection

    CountryProfileSection.objects.filter(country_code=country_code, section="reports").delete()
    for language in [language_code] if language_code else UN_LANGUAGE_CODES:
        with translation.override(language):
            store(country_code, language, compute_reports_section(country_code, language))
    return country_code


REPORTS_SECTION = ProfileSection("reports", reports_section, label=_("National reports"), order=10)
