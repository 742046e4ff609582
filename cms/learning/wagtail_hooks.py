"""The authors' reports in the Wagtail admin: Reports → E-learning, with CSV export."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.core.spreadsheets import csv_row

from .reports import course_rows, question_rows

PERMISSION = "learning.view_enrolment"
COURSE_COLUMNS = [
    ("course", _("Course")),
    ("language", _("Language")),
    ("enrolments", _("Enrolments")),
    ("completions", _("Completions")),
    ("completion_rate", _("Completion rate (%)")),
    ("attempts", _("Quiz attempts")),
    ("pass_rate", _("Pass rate (%)")),
]
QUESTION_COLUMNS = [
    ("course", _("Course")),
    ("question", _("Question")),
    ("question_id", _("Question id")),
    ("times_asked", _("Times asked")),
    ("average_score", _("Average score (%)")),
    ("difficulty", _("Difficulty (%)")),
]


def csv_response(filename, columns, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 (Arabic, Chinese) right
    writer = csv.writer(response)
    writer.writerow([str(label) for _name, label in columns])
    for row in rows:
        writer.writerow(csv_row(row[name] for name, _label in columns))
    return response


def learning_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    export = request.GET.get("export")
    if export == "courses":
        return csv_response("learning-courses.csv", COURSE_COLUMNS, course_rows())
    if export == "questions":
        return csv_response("learning-questions.csv", QUESTION_COLUMNS, question_rows())
    tables = [
        ("courses", _("Courses by language"), COURSE_COLUMNS, course_rows()),
        ("questions", _("Question difficulty"), QUESTION_COLUMNS, question_rows()),
    ]
    return render(
        request,
        "learning/admin/report.html",
        {
            "tables": [
                {
                    "name": name,
                    "title": title,
                    "labels": [label for _name, label in columns],
                    "rows": [[row[field] for field, _label in columns] for row in rows],
                }
                for name, title, columns, rows in tables
            ]
        },
    )


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/learning/", learning_report, name="learning_report")]


class LearningReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return LearningReportMenuItem(
        _("E-learning"), reverse("learning_report"), icon_name="doc-full", order=900
    )
