"""Warn at import time about a project that looks like another one: in the same file, or
already recorded (under another code, from another source, in another language).

The import goes ahead - a person decides - but each warning names the pair and the reason
("this looks like ..."), from the duplicate detector (`assistance.duplicates`).
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from assistance.duplicates import code_keys, find_duplicates, project_candidate, record_candidate
from assistance.models import Project


def _existing(records):
    """Recorded projects that may be the twin of one of the records: sharing a country, or a
    code once normalised; the records' own codes are updates, not twins."""
    codes = {record.code for record in records}
    keys = set().union(*(code_keys(record.code) for record in records))
    countries = {code for record in records for code in record.focus_countries}
    same_key = [
        pk for pk, code in Project.objects.values_list("pk", "code") if code_keys(code) & keys
    ]
    return (
        Project.objects.exclude(code__in=codes)
        .exclude(status=Project.Status.CANCELLED)
        .filter(Q(pk__in=same_key) | Q(focus_countries__code__in=countries))
        .distinct()
        .prefetch_related("focus_countries")
        .order_by("pk")
    )


def duplicate_warnings(records, place, make_warning):
    """One warning per pair: `place(record)` says where a record is in the file ("line 4");
    `make_warning(record, text)` builds the importer's own warning."""
    by_line = {record.line: record for record in records}
    existing = [project_candidate(project) for project in _existing(records)]
    warnings = []
    for duplicate in find_duplicates([record_candidate(r) for r in records], existing):
        first, second = duplicate.first, duplicate.second
        record = by_line[second.extra["line"]]
        if "line" in first.extra:
            other = _("%(code)s (%(place)s)") % {
                "code": first.code,
                "place": place(by_line[first.extra["line"]]),
            }
        else:
            other = _("project %(code)s, already recorded") % {"code": first.code}
        text = _("this looks like %(other)s: %(reason)s") % {
            "other": other,
            "reason": duplicate.reason,
        }
        warnings.append(make_warning(record, text))
    return warnings
