"""The records every importer shares, whatever file it reads.

A ProjectRecord is a project as read from a listing, a table or an IATI activity, before it
is a model; ParseProblem and CellError say where a file could not be read (by line, or by
row and column). The import services answer with an ImportSummary, or raise ImportRejected
having written nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext as _


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    SUSPENDED = "suspended"


class Severity(StrEnum):
    # The value could not be read; the field is left empty.
    ERROR = "error"
    # The record is complete but a person should look at it.
    WARNING = "warning"


@dataclass(frozen=True)
class ParseProblem:
    line: int
    code: str  # the record's code as written, "" before the first record
    field: str  # a ProjectRecord field name
    reason: str
    severity: Severity = Severity.ERROR

    def __str__(self):
        values = {"line": self.line, "code": self.code, "field": self.field, "reason": self.reason}
        if not self.field:  # the line itself, not a value of a field
            return _("line %(line)s: %(reason)s") % values
        if self.code:
            return _("line %(line)s, %(code)s, %(field)s: %(reason)s") % values
        return _("line %(line)s, %(field)s: %(reason)s") % values


@dataclass
class ProjectRecord:
    code: str
    title: str
    line: int  # line of the "CODE: Title" heading
    expectations: str = ""
    objective: str = ""
    outputs: str = ""
    accomplishments: str = ""
    # Text under the heading but before any label.
    summary: str = ""
    partners: list[str] = field(default_factory=list)
    partners_text: str = ""
    time_frame_text: str = ""
    start_date: date | None = None
    end_date: date | None = None
    funding_source: str = ""
    # ISO alpha-2 code when the funding source is a State.
    funding_country: str | None = None
    budget_text: str = ""
    budget_amount: Decimal | None = None
    budget_currency: str = ""
    budget_usd: Decimal | None = None
    implementing_organisation: str = ""
    implementing_division: str = ""
    focus_countries: list[str] = field(default_factory=list)  # ISO alpha-2
    focus_regions: list[str] = field(default_factory=list)  # UN M49
    focus_groups: list[str] = field(default_factory=list)  # places.CountryGroup values
    focus_global: bool = False
    focus_text: str = ""
    status: ProjectStatus | None = None
    comment: str = ""
    dac_sector: str = ""  # OECD DAC 5-digit purpose code, when the source gives one

    @property
    def normalised_code(self):
        """The code without separators: INT/13/001 and INT13001 are the same project."""
        return re.sub(r"[^A-Z0-9]", "", self.code.upper())


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    reason: str

    def __str__(self):
        values = {"row": self.row, "column": self.column, "reason": self.reason}
        if not self.column:  # the row (or the file, on row 1) as a whole
            return _("row %(row)s: %(reason)s") % values
        return _("row %(row)s, column %(column)s: %(reason)s") % values


@dataclass
class ImportSummary:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


class ImportRejected(Exception):
    """Raised by an import service, having written nothing; `problems` says why."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
