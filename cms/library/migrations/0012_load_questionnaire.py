"""Load the questionnaire and read the free-text sections of existing reports into answers.

The sections stay on every report; the answers are written to the page and to its latest
revision, so that drafts and published reports both show them.
"""

from django.db import migrations


def term_resolver(apps):
    models = {
        "thematic_area": apps.get_model("core", "ThematicArea"),
        "assistance_form": apps.get_model("core", "AssistanceForm"),
    }
    cache = {}

    def term_code(kind, pk):
        if (kind, pk) not in cache:
            row = models[kind].objects.filter(pk=pk).only("code").first()
            cache[kind, pk] = row.code if row else None
        return cache[kind, pk]

    return term_code


def forwards(apps, schema_editor):
    from cms.library.questionnaire.legacy import answers_from_sections
    from cms.library.questionnaire.loader import load_version, version_files

    Version = apps.get_model("library", "QuestionnaireVersion")
    Cycle = apps.get_model("library", "ReportingCycle")
    Report = apps.get_model("library", "NationalReportPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    versions = [load_version(path, models=(Version, Cycle)) for path in version_files()]
    if not versions:
        return
    first = min(versions, key=lambda version: version.code)
    term_code = term_resolver(apps)
    report_type = ContentType.objects.filter(app_label="library", model="nationalreportpage")
    for report in Report.objects.select_related("cycle"):
        version = Version.objects.get(pk=report.cycle.questionnaire_id or first.pk)
        questions = {
            question.code: (question.answer_type, question.item_fields)
            for question in apps.get_model("library", "QuestionnaireQuestion").objects.filter(
                section__version=version
            )
        }
        answers = answers_from_sections(report.sections.raw_data, questions, term_code)
        Report.objects.filter(pk=report.pk).update(questionnaire=version, answers=answers)
        revision = (
            Revision.objects.filter(
                base_content_type__in=report_type, object_id=str(report.pk)
            )
            .order_by("-created_at", "-id")
            .first()
        )
        if revision is not None and "answers" not in revision.content:
            content = dict(revision.content)
            raw = content.get("sections")
            if isinstance(raw, str):
                import json

                raw = json.loads(raw)
            content["answers"] = answers_from_sections(raw, questions, term_code)
            content["questionnaire"] = version.pk
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0011_questionnaire"),
        ("core", "0007_clean_stored_rich_text"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
