"""Turn CSV and XLSX tables of needs, resources and projects into records: all, or nothing.

Every row is read and checked first and every problem is reported as
"row N, column X: reason". The checks come in two passes: the cells and what a row says by
itself, over the whole table (a fraction of a millisecond a row); then, only when those
passed, what the models check against the database (lifecycle steps, eligibility rules,
unique references; about a millisecond a row). Either pass stops at MAX_ERRORS problems, so
a big table with a bad row is refused in seconds. Only a table without any problem is
written, in one transaction.
Needs are created as drafts and walked through their lifecycle to the status the table
gives, each step recorded as if taken in the admin; saving them queues rematching through
the outbox, which runs once the import commits.
"""

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assistance.currency import rates
from assistance.models import Need, Priority, Project, Resource
from cms.core.models import (
    AssistanceForm,
    Country,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
)

from ..assistance_tables import need_schema, resource_schema
from ..project_table import read_project_rows
from ..records import CellError, ImportRejected, ImportSummary
from ..tabular import read_table
from .duplicates import duplicate_warnings
from .projects import find_organisation, project_fields, save_project, usd_per_unit

KINDS = ("needs", "resources", "projects")
# Checking stops at this many problems: a table with more is refused on the first ones.
MAX_ERRORS = 100


class TableRejected(ImportRejected):
    """`errors`: every bad cell, in the order of the table; `truncated` when checking stopped
    at MAX_ERRORS and there may be more."""

    def __init__(self, errors, truncated=False):
        super().__init__(sorted(errors, key=lambda error: (error.row, error.column)))
        self.errors = self.problems
        self.truncated = truncated


def _no_progress(iterable, **_options):
    return iterable


def import_table(
    kind,
    path,
    *,
    file_format=None,
    organisation=None,
    user=None,
    dry_run=False,
    progress=_no_progress,
):
    """Import a .csv or .xlsx table of `kind` (needs, resources or projects).

    `organisation` is the applicant, provider or implementing organisation of rows that name
    none; `user` is recorded as creator and as the author of lifecycle steps. Returns a
    ImportSummary (of what would be written, with `dry_run`); raises TableRejected, having
    written nothing, when any row has a problem. `progress(iterable, total=, desc=)` may wrap
    the rows (a tqdm-like callable).
    """
    importer = {"needs": NeedImporter, "resources": ResourceImporter, "projects": ProjectImporter}
    return importer[kind](Path(path), file_format, organisation, user, progress).run(dry_run)


def _codes(model):
    return list(model.objects.source().values_list("code", flat=True))


def _model_errors(error, row, columns=None):
    """A model's ValidationError as CellErrors on the columns named like its fields."""
    columns = columns or {}
    return [
        CellError(row, columns.get(name, "" if name == "__all__" else name), str(message))
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def _known_currency(row, currency, column="currency"):
    if currency and currency not in rates():
        return [
            CellError(
                row,
                column,
                _("%(currency)s has no exchange rate to US dollars") % {"currency": currency},
            )
        ]
    return []


@dataclass
class Plan:
    """What one valid row will write."""

    row: int
    instance: object
    relations: dict = field(default_factory=dict)
    steps: list = field(default_factory=list)
    give_consent: bool = False


class TableImporter:
    model = None

    def __init__(self, path, file_format, organisation, user, progress):
        self.path, self.format = path, file_format
        self.organisation, self.user, self.progress = organisation, user, progress
        self.known = {}  # model -> {code: row}: a big table names the same terms again and again

    def terms(self, model, codes):
        """The rows of these codes; raises LookupError naming the codes that do not exist."""
        if model not in self.known:
            self.known[model] = {row.code: row for row in model.objects.source()}
        found = self.known[model]
        missing = [code for code in codes if code not in found]
        if missing:
            raise LookupError(", ".join(missing))
        return [found[code] for code in dict.fromkeys(codes)]

    def term(self, model, code):
        return self.terms(model, [code])[0] if code else None

    def run(self, dry_run):
        rows = self.read()
        plans, errors = [], []
        for row in self.progress(rows, total=len(rows), desc=_("checking")):
            if len(errors) >= MAX_ERRORS:
                raise TableRejected(errors, truncated=True)
            plan, row_errors = self.plan(row)
            errors.extend(row_errors)
            if not row_errors:
                plans.append(plan)
        if errors:
            raise TableRejected(errors)
        summary = ImportSummary(warnings=self.warnings(plans))
        for plan in plans:
            (summary.updated if plan.instance.pk else summary.created).append(plan.instance)
        if dry_run:
            return summary
        with transaction.atomic():
            for plan in self.progress(plans, total=len(plans), desc=_("importing")):
                self.write(plan)
        return summary

    def read(self):
        """The rows, every cell read; raises TableRejected on any bad cell (the first pass)."""
        result = read_table(self.path, self.schema(), format=self.format, max_errors=MAX_ERRORS)
        if result.errors:
            raise TableRejected(result.errors, truncated=result.truncated)
        return result.rows

    def warnings(self, plans):
        """What a person should check, though the rows are good (none by default)."""
        return []

    def existing(self, values):
        reference = values.get("reference")
        if not reference:
            return None
        return self.model.objects.filter(reference__iexact=reference).first()

    def check(self, plan, exclude=()):
        try:
            plan.instance.full_clean(exclude=list(exclude))
        except ValidationError as error:
            return _model_errors(error, plan.row)
        return []

    def note(self, plan):
        return _("Imported from %(file)s, row %(row)s") % {"file": self.path.name, "row": plan.row}


def lifecycle_path(transitions, start, goal):
    """The shortest list of steps from `start` to `goal` in a lifecycle, or None."""
    if start == goal:
        return []
    previous = {start: None}
    queue = deque([start])
    while queue:
        status = queue.popleft()
        for following in sorted(transitions.get(status, ())):
            if following in previous:
                continue
            previous[following] = status
            if following == goal:
                path = [following]
                while previous[path[-1]] != start:
                    path.append(previous[path[-1]])
                return list(reversed(path))
            queue.append(following)
    return None


class NeedImporter(TableImporter):
    model = Need

    def schema(self):
        return need_schema(
            themes=_codes(ThematicArea),
            forms=_codes(AssistanceForm),
            organisations=_codes(Organisation),
        )

    def plan(self, row):
        values = row.values
        need = self.existing(values) or Need(created_by=self.user, status=Need.Status.DRAFT)
        applicant = values["applicant"]
        need.title = values["title"]
        need.description = values["description"] or ""
        need.original_language = values["original_language"]
        try:
            country = need.country = self.term(Country, values["country"])
        except LookupError:
            country = None
        if applicant:
            need.applicant = self.term(Organisation, applicant)
        elif self.organisation is not None:
            need.applicant = self.organisation
        need.amount = values["amount"]
        need.currency = values["currency"]
        need.start_date = values["start_date"]
        need.duration_months = values["duration_months"]
        need.latest_start_date = values["latest_start_date"]
        need.required_unit = values["required_unit"] or ""
        need.required_quantity = values["required_quantity"]
        need.priority = {"low": Priority.LOW, "medium": Priority.MEDIUM, "high": Priority.HIGH}[
            values["priority"]
        ]
        need.concerns_iti = values["concerns_iti"]
        need.contact_name = values["contact_name"] or ""
        need.contact_email = values["contact_email"] or ""
        need.reference = values["reference"] or None
        plan = Plan(
            row.number,
            need,
            relations={
                "themes": self.terms(ThematicArea, values["themes"]),
                "forms": self.terms(AssistanceForm, values["forms"]),
            },
        )
        errors = _known_currency(row.number, need.currency)
        if country is None:
            errors.append(CellError(row.number, "country", _("not in the list of countries")))
        if values["consent_to_publish"]:
            plan.give_consent = not need.consent_to_publish
        else:
            need.consent_to_publish = False
        goal = values["status"] or need.status
        steps = lifecycle_path(Need.TRANSITIONS, need.status, goal)
        if steps is None:
            errors.append(
                CellError(
                    row.number,
                    "status",
                    _("a need cannot go from %(from)s to %(to)s")
                    % {"from": need.status, "to": goal},
                )
            )
        elif goal in Need.PUBLIC_STATUSES and not values["consent_to_publish"]:
            errors.append(
                CellError(
                    row.number,
                    "consent_to_publish",
                    _("a need cannot be %(status)s without the State's consent to publish")
                    % {"status": goal},
                )
            )
        plan.steps = steps or []
        if country is not None:
            errors.extend(self.check(plan, exclude=("status",)))
        return plan, errors

    def write(self, plan):
        need = plan.instance
        if plan.give_consent:
            need.give_consent(self.user)
        need.save()
        need.themes.set(plan.relations["themes"])
        need.forms.set(plan.relations["forms"])
        for status in plan.steps:
            need.change_status(status, self.user, self.note(plan))


class ResourceImporter(TableImporter):
    model = Resource
    RELATIONS = {
        "themes": ThematicArea,
        "forms": AssistanceForm,
        "priority_themes": ThematicArea,
        "priority_regions": Region,
        "eligible_countries": Country,
        "eligible_regions": Region,
        "eligible_applicant_types": OrganisationType,
    }
    FIELDS = (
        "kind",
        "title",
        "is_global",
        "eligible_groups",
        "currency",
        "grant_floor",
        "grant_cap",
        "cofunding_percent",
        "min_duration_months",
        "max_duration_months",
        "rolling",
        "call_opens",
        "call_closes",
        "award_date",
        "decision_days",
        "capacity",
        "requires_need_from_national_report",
        "original_language",
    )
    TEXTS = ("description", "requirements", "contact_name", "contact_email", "capacity_unit")

    def schema(self):
        return resource_schema(
            themes=_codes(ThematicArea),
            forms=_codes(AssistanceForm),
            organisations=_codes(Organisation),
            organisation_types=_codes(OrganisationType),
        )

    def plan(self, row):
        values = row.values
        resource = self.existing(values) or Resource(created_by=self.user, status=values["status"])
        for name in self.FIELDS:
            setattr(resource, name, values[name])
        for name in self.TEXTS:
            setattr(resource, name, values[name] or "")
        resource.reference = values["reference"] or None
        if values["provider"]:
            resource.provider = self.term(Organisation, values["provider"])
        elif self.organisation is not None:
            resource.provider = self.organisation
        errors = _known_currency(row.number, resource.currency)
        resource.provider_country = None
        if values["provider_country"]:
            try:
                resource.provider_country = self.term(Country, values["provider_country"])
            except LookupError:
                errors.append(
                    CellError(row.number, "provider_country", _("not in the list of countries"))
                )
        plan = Plan(row.number, resource)
        if resource.status != values["status"]:
            plan.steps = [values["status"]]
        for name, model in self.RELATIONS.items():
            try:
                plan.relations[name] = self.terms(model, values[name])
            except LookupError as missing:
                errors.append(
                    CellError(row.number, name, _("unknown: %(codes)s") % {"codes": missing})
                )
        errors.extend(self.check(plan))
        return plan, errors

    def write(self, plan):
        resource = plan.instance
        resource.save()
        for name, rows in plan.relations.items():
            getattr(resource, name).set(rows)
        for status in plan.steps:
            resource.change_status(status, self.user, self.note(plan))


class ProjectImporter(TableImporter):
    model = Project
    COLUMNS = {"amount": "budget", "currency": "budget", "division": "implementing_division"}

    def read(self):
        records, errors, truncated = read_project_rows(
            self.path, exchange_rates=usd_per_unit(), format=self.format, max_errors=MAX_ERRORS
        )
        if errors:
            raise TableRejected(errors, truncated=truncated)
        return records

    def plan(self, record):
        errors = []
        organisation = self.organisation
        if record.implementing_organisation:
            organisation = find_organisation(record.implementing_organisation)
            if organisation is None:
                errors.append(
                    CellError(
                        record.line,
                        "implementing_organisation",
                        _("%(text)r is not the code, acronym or name of a known organisation")
                        % {"text": record.implementing_organisation},
                    )
                )
        for name, model in (("focus_countries", Country), ("focus_regions", Region)):
            try:
                self.terms(model, getattr(record, name))
            except LookupError as missing:
                errors.append(
                    CellError(record.line, name, _("unknown: %(codes)s") % {"codes": missing})
                )
        project = Project.objects.filter(code=record.code).first() or Project(code=record.code)
        currency_errors = _known_currency(record.line, record.budget_currency, "budget")
        errors.extend(currency_errors)
        plan = Plan(record.line, project, relations={"record": record, "org": organisation})
        if not currency_errors:
            # What the model checks, on a copy: the project itself changes only when written.
            candidate = Project(pk=project.pk, code=record.code, **project_fields(record))
            try:
                # The code is the key: the row updates the project of that code.
                candidate.full_clean(
                    exclude=["code", "implementing_organisation"], validate_unique=False
                )
            except ValidationError as error:
                errors.extend(_model_errors(error, record.line, self.COLUMNS))
        return plan, errors

    def warnings(self, plans):
        return duplicate_warnings(
            [plan.relations["record"] for plan in plans],
            place=lambda record: _("row %(row)s") % {"row": record.line},
            make_warning=lambda record, text: CellError(record.line, "", text),
        )

    def write(self, plan):
        try:
            save_project(plan.relations["record"], implementing_organisation=plan.relations["org"])
        except ValidationError as error:
            # Checked cell by cell above; a model rule that still fails stops the import.
            raise TableRejected(_model_errors(error, plan.row, self.COLUMNS)) from error
