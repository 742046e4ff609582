"""Read project listings: the text people copy from a division's "Projects" web page.

A listing is a run of records, each opened by a line "CODE: Title" (INT13001, INT/13/001,
GLO/12/X02...) and made of labelled fields ("Main Expectations:", "Time Frame:",
"Proposed Budget:", "Focus Countries:"...). Text that follows a label up to the next label
belongs to that field, so sub-headings inside a field ("Indicators of achievement (IA):",
"Feedback") stay in its text. A heading "Past Projects" or "Current Projects" sets the status
of the records below it.

`parse_project_listing` returns every record it found and a ParseProblem for each value it
could not read: the field is then left empty, never filled with a guess.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .places import PlaceError, PlaceKind, resolve_place, resolve_places
from .records import ParseProblem, ProjectRecord, ProjectStatus, Severity
from .values import parse_money, parse_period


@dataclass
class ListingResult:
    records: list[ProjectRecord]
    problems: list[ParseProblem]

    @property
    def errors(self):
        return [problem for problem in self.problems if problem.severity == Severity.ERROR]

    @property
    def warnings(self):
        return [problem for problem in self.problems if problem.severity == Severity.WARNING]


RECORD_HEADING = re.compile(
    r"^(?P<code>[A-Z]{2,4}/?\d{2}/?[A-Z]?\d{2,3})\s*:\s*(?P<title>\S.*?)\s*$"
)

SECTION_STATUS = {
    "past projects": ProjectStatus.COMPLETED,
    "completed projects": ProjectStatus.COMPLETED,
    "concluded projects": ProjectStatus.COMPLETED,
    "closed projects": ProjectStatus.COMPLETED,
    "current projects": ProjectStatus.ONGOING,
    "ongoing projects": ProjectStatus.ONGOING,
    "active projects": ProjectStatus.ONGOING,
    "planned projects": ProjectStatus.PLANNED,
    "pipeline projects": ProjectStatus.PLANNED,
    "upcoming projects": ProjectStatus.PLANNED,
}

STATUS_WORDS = {
    "completed": ProjectStatus.COMPLETED,
    "concluded": ProjectStatus.COMPLETED,
    "closed": ProjectStatus.COMPLETED,
    "finished": ProjectStatus.COMPLETED,
    "ongoing": ProjectStatus.ONGOING,
    "active": ProjectStatus.ONGOING,
    "in progress": ProjectStatus.ONGOING,
    "under implementation": ProjectStatus.ONGOING,
    "planned": ProjectStatus.PLANNED,
    "pipeline": ProjectStatus.PLANNED,
    "cancelled": ProjectStatus.CANCELLED,
    "canceled": ProjectStatus.CANCELLED,
    "suspended": ProjectStatus.SUSPENDED,
}

# Label (as a regular expression, matched case-insensitively at the start of a line and
# followed by a colon) -> field it fills.
LABELS = (
    (r"main expectations|expected accomplishments|expectations", "expectations"),
    (r"objective\s*/\s*purpose of (?:the )?project|objectives?|purpose", "objective"),
    (r"specific products\s*/\s*outputs delivered|outputs", "outputs"),
    (r"key accomplishments(?:\s*\(to[- ]date\))?|accomplishments", "accomplishments"),
    (r"cooperation partners|partners", "partners"),
    (r"time ?frame|duration", "time_frame"),
    (r"funding(?: source)?|source of funding|donor", "funding"),
    (r"(?:proposed |approved |total )?budget", "budget"),
    (r"implementing (?:division|office)|division", "division"),
    (r"implementing (?:organi[sz]ation|agency|entity)", "organisation"),
    (r"focus countr(?:y|ies)|countr(?:y|ies)|beneficiary countr(?:y|ies)", "focus"),
    (r"status", "status"),
    (r"comments?", "comment"),
)
LABEL_LINE = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<{name}>{pattern})" for pattern, name in LABELS) + r")\s*:\s*",
    re.IGNORECASE,
)

# Fields written on one line: a further unlabelled line after them is text out of place.
ONE_LINE_FIELDS = {"time_frame", "funding", "budget", "division", "organisation", "focus", "status"}

LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Remains of HTML line breaks in text copied from web pages.
HTML_BREAK = re.compile(r"[ \t]*<?\bbr\s*/?>[ \t]*\n?", re.IGNORECASE)


@dataclass
class _Field:
    name: str
    line: int
    lines: list = field(default_factory=list)
    value_line: int | None = None  # where the value starts: the label's line or a later one

    def add(self, number, line):
        if self.value_line is None and line.strip():
            self.value_line = number
        self.lines.append(line)

    def text(self):
        text = "\n".join(self.lines)
        text = HTML_BREAK.sub("\n", text)
        text = "\n".join(line.rstrip() for line in text.split("\n"))
        text = re.sub(r"\n{3,}", "\n\n", text)
        return text.strip()


@dataclass
class _Block:
    code: str
    title: str
    line: int
    status: ProjectStatus | None
    fields: list = field(default_factory=list)
    summary: list = field(default_factory=list)
    stray: list = field(default_factory=list)  # (line, text) after a one-line field


def _clean(line):
    return line.replace("\u00a0", " ").replace("\ufeff", "").rstrip()


def _blocks(text):
    blocks, section_status, current = [], None, None
    # Lines as an editor numbers them: str.splitlines() would also break at form feeds
    # and Unicode separators, and so count lines no one sees.
    for number, raw in enumerate(LINE_BREAK.split(text), start=1):
        line = _clean(raw)
        heading = RECORD_HEADING.match(line)
        if heading:
            current = _Block(heading["code"], heading["title"], number, section_status)
            blocks.append(current)
            continue
        status = SECTION_STATUS.get(" ".join(line.split()).casefold())
        if status:
            section_status, current = status, None
            continue
        if current is None:
            continue  # page text before the first record
        label = LABEL_LINE.match(line)
        if label:
            name = label.lastgroup
            current.fields.append(_Field(name, number))
            current.fields[-1].add(number, line[label.end() :])
        elif current.fields:
            last = current.fields[-1]
            if last.name in ONE_LINE_FIELDS and line.strip() and last.value_line:
                current.stray.append((number, line.strip()))
            else:
                last.add(number, line)
        else:
            current.summary.append(line)
    return blocks


def parse_project_listing(text, *, implementing_organisation="", exchange_rates=None):
    """Parse a listing; return a ListingResult with records and problems in file order.

    `implementing_organisation` names the organisation whose page the listing comes from
    (the text itself names only divisions). `exchange_rates` maps a currency code to the
    US dollars one unit buys, for budgets in other currencies.
    """
    records, problems = [], []
    # PostgreSQL cannot store a NUL character, and no web page holds one: a record with one
    # is refused, naming the line (page text outside the records is skipped anyway).
    nul_lines = [
        number for number, line in enumerate(LINE_BREAK.split(text), start=1) if "\x00" in line
    ]
    blocks = _blocks(text.replace("\x00", ""))
    seen_codes = {}
    for index, block in enumerate(blocks):
        end = blocks[index + 1].line if index + 1 < len(blocks) else None
        problems.extend(
            ParseProblem(number, block.code, "", _("contains a NUL character"))
            for number in nul_lines
            if number >= block.line and (end is None or number < end)
        )
        record = ProjectRecord(
            code=block.code,
            title=block.title,
            line=block.line,
            status=block.status,
            implementing_organisation=implementing_organisation,
        )
        builder = _RecordBuilder(record, problems, exchange_rates)
        builder.fill(block)
        first = seen_codes.setdefault(record.normalised_code, record)
        if first is not record:
            problems.append(
                ParseProblem(
                    record.line,
                    record.code,
                    "code",
                    _(
                        "same project code as %(code)s on line %(line)s; "
                        "imported as a separate record"
                    )
                    % {"code": first.code, "line": first.line},
                    Severity.WARNING,
                )
            )
        records.append(record)
    return ListingResult(records, problems)


class _RecordBuilder:
    def __init__(self, record, problems, exchange_rates):
        self.record = record
        self.problems = problems
        self.exchange_rates = exchange_rates

    def problem(self, line, field_name, reason, severity=Severity.ERROR):
        self.problems.append(ParseProblem(line, self.record.code, field_name, reason, severity))

    def fill(self, block):
        record = self.record
        record.summary = _Field("summary", block.line, block.summary).text()
        seen = {}
        for item in block.fields:
            text = item.text()
            if item.name in seen:
                self.problem(
                    item.line,
                    self.field_name(item.name),
                    (
                        _("given twice (first on line %(line)s); the texts are joined")
                        if item.name not in ONE_LINE_FIELDS
                        else _("given twice (first on line %(line)s)")
                    )
                    % {"line": seen[item.name]},
                    Severity.WARNING if item.name not in ONE_LINE_FIELDS else Severity.ERROR,
                )
                if item.name in ONE_LINE_FIELDS:
                    continue
            seen.setdefault(item.name, item.line)
            getattr(self, f"read_{item.name}")(text, item.value_line or item.line)
        for line, text in block.stray:
            self.problem(
                line, "summary", _("text outside any known field: %(text)r") % {"text": text[:60]}
            )
        if not block.fields:
            self.problem(
                block.line,
                "summary",
                _("the record has no labelled fields; its text is kept as the summary"),
                Severity.WARNING,
            )

    @staticmethod
    def field_name(name):
        return {
            "time_frame": "time_frame_text",
            "funding": "funding_source",
            "budget": "budget_text",
            "division": "implementing_division",
            "organisation": "implementing_organisation",
            "focus": "focus_text",
        }.get(name, name)

    def append(self, attribute, text):
        current = getattr(self.record, attribute)
        setattr(self.record, attribute, f"{current}\n\n{text}" if current else text)

    def read_expectations(self, text, line):
        self.append("expectations", text)

    def read_objective(self, text, line):
        self.append("objective", text)

    def read_outputs(self, text, line):
        self.append("outputs", text)

    def read_accomplishments(self, text, line):
        self.append("accomplishments", text)

    def read_comment(self, text, line):
        self.append("comment", text)

    def read_partners(self, text, line):
        self.append("partners_text", text)
        if _is_prose(text):
            self.problem(
                line,
                "partners",
                _(
                    "partners are described in sentences, not listed; "
                    "the text is kept in partners_text and the list left empty"
                ),
                Severity.WARNING,
            )
            return
        for name in re.split(r"\s+/\s+|\s*;\s*|\n+|,\s+(?![^()]*\))", text):
            name = name.strip(" -•\t")
            if name and name not in self.record.partners:
                self.record.partners.append(name)

    def read_time_frame(self, text, line):
        self.record.time_frame_text = text
        try:
            period = parse_period(text)
        except ValueError as error:
            self.problem(line, "time_frame_text", str(error))
            return
        self.record.start_date, self.record.end_date = period.start, period.end

    def read_funding(self, text, line):
        self.record.funding_source = text
        try:
            place = resolve_place(text)
        except PlaceError:
            return  # a fund or programme, not a State: nothing more to read
        if place.kind == PlaceKind.COUNTRY:
            self.record.funding_country = place.code

    def read_budget(self, text, line):
        record = self.record
        record.budget_text = text
        try:
            money = parse_money(text)
        except ValueError as error:
            self.problem(line, "budget_text", str(error))
            return
        record.budget_amount, record.budget_currency = money.amount, money.currency
        record.budget_usd = money.in_usd(self.exchange_rates)
        if record.budget_usd is None:
            self.problem(
                line,
                "budget_usd",
                _("no exchange rate for %(currency)s was given") % {"currency": money.currency},
            )

    def read_division(self, text, line):
        self.record.implementing_division = text

    def read_organisation(self, text, line):
        self.record.implementing_organisation = text

    def read_focus(self, text, line):
        record = self.record
        record.focus_text = text
        places, errors = resolve_places(text)
        for error in errors:
            self.problem(line, "focus_text", str(error))
        for place in places:
            if place.kind == PlaceKind.COUNTRY:
                record.focus_countries.append(place.code)
            elif place.kind == PlaceKind.REGION:
                record.focus_regions.append(place.code)
            elif place.kind == PlaceKind.GROUP:
                record.focus_groups.append(place.code)
            else:
                record.focus_global = True

    def read_status(self, text, line):
        status = STATUS_WORDS.get(" ".join(text.split()).casefold().rstrip("."))
        if status is None:
            self.problem(line, "status", _("unknown status %(text)r") % {"text": text})
            return
        self.record.status = status


def _is_prose(text):
    """Sentences rather than a list of names."""
    return bool(re.search(r"[.:]\s+[A-Z]", text)) or len(text) > 300
