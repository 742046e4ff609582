"""Read IATI 2.0x `iati-activities` documents back into Activity dataclasses.

Elements that PoA-ISS has no use for (locations, results, documents...) are skipped. A value
that cannot be read is reported as a ReadProblem with its line and element, and the activity
holding it is left out of the result, so that the caller can import all or nothing.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from lxml import etree

from .activity import (
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivityScope,
    ActivityStatus,
    Budget,
    BudgetStatus,
    BudgetType,
    Description,
    DescriptionType,
    Organisation,
    OrganisationRole,
    OtherIdentifier,
    ParticipatingOrganisation,
    RecipientCountry,
    RecipientRegion,
    Sector,
    Transaction,
    TransactionType,
)
from .writer import FIELD, XML_LANG, from_iati_language


@dataclass(frozen=True)
class ReadProblem:
    line: int
    identifier: str
    element: str
    reason: str

    def __str__(self):
        return _("line %(line)s, activity %(identifier)s, %(element)s: %(reason)s") % {
            "line": self.line,
            "identifier": self.identifier or "?",
            "element": self.element,
            "reason": self.reason,
        }


@dataclass
class ReadResult:
    activities: list[Activity]
    problems: list[ReadProblem]


class _Unreadable(ValueError):
    def __init__(self, element, reason):
        super().__init__(reason)
        self.element = element


def read_activities(document):
    """Read every `iati-activity` of a document given as bytes."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(document, parser=parser)
    except etree.XMLSyntaxError as error:
        return ReadResult([], [ReadProblem(error.lineno, "", "document", error.msg)])
    if root.tag != "iati-activities":
        return ReadResult(
            [], [ReadProblem(root.sourceline, "", root.tag, _("not an iati-activities document"))]
        )
    activities, problems = [], []
    for element in root.iterfind("iati-activity"):
        reader = _ActivityReader(element, root.get(XML_LANG))
        activity = reader.read()
        problems.extend(reader.problems)
        if activity is not None:
            activities.append(activity)
    return ReadResult(activities, problems)


class _ActivityReader:
    def __init__(self, element, document_language):
        self.element = element
        self.language = from_iati_language(element.get(XML_LANG) or document_language or "en")
        self.currency = element.get("default-currency", "")
        self.identifier = (element.findtext("iati-identifier") or "").strip()
        self.problems = []

    def problem(self, element, reason):
        self.problems.append(ReadProblem(element.sourceline, self.identifier, element.tag, reason))

    def read(self):
        element = self.element
        if not self.identifier:
            self.problem(element, _("no iati-identifier"))
        parts = {}
        readers = {
            "reporting_org": lambda: self.organisation(self.required(element, "reporting-org")),
            "title": lambda: self.narratives(self.required(element, "title")),
            "descriptions": lambda: [
                Description(
                    self.narratives(item),
                    self.code(item, "type", DescriptionType, 1),
                    item.get(FIELD, ""),
                )
                for item in element.iterfind("description")
            ],
            "participating_orgs": lambda: [
                self.participating(item) for item in element.iterfind("participating-org")
            ],
            "other_identifiers": lambda: [
                OtherIdentifier(self.text_attribute(item, "ref"), item.get("type", ""))
                for item in element.iterfind("other-identifier")
            ],
            "status": lambda: self.code(
                self.required(element, "activity-status"), "code", ActivityStatus
            ),
            "dates": lambda: [
                ActivityDate(self.code(item, "type", ActivityDateType), self.date(item, "iso-date"))
                for item in element.iterfind("activity-date")
            ],
            "scope": lambda: self.optional_code(element.find("activity-scope"), ActivityScope),
            "recipient_countries": lambda: [
                RecipientCountry(self.text_attribute(item, "code"), self.percentage(item))
                for item in element.iterfind("recipient-country")
            ],
            "recipient_regions": lambda: [
                RecipientRegion(
                    self.text_attribute(item, "code"),
                    item.get("vocabulary", "1"),
                    self.percentage(item),
                )
                for item in element.iterfind("recipient-region")
            ],
            "sectors": lambda: [
                Sector(
                    self.text_attribute(item, "code"),
                    item.get("vocabulary", "1"),
                    self.percentage(item),
                    self.narratives(item),
                )
                for item in element.iterfind("sector")
            ],
            "budgets": lambda: [self.budget(item) for item in element.iterfind("budget")],
            "transactions": lambda: [
                self.transaction(item) for item in element.iterfind("transaction")
            ],
        }
        for name, read in readers.items():
            try:
                parts[name] = read()
            except _Unreadable as error:
                self.problem(error.element, str(error))
        if self.problems:
            return None
        last_updated = element.get("last-updated-datetime")
        return Activity(
            identifier=self.identifier,
            default_language=self.language,
            default_currency=self.currency or "USD",
            last_updated=datetime.fromisoformat(last_updated) if last_updated else None,
            **parts,
        )

    def required(self, parent, tag):
        found = parent.find(tag)
        if found is None:
            raise _Unreadable(parent, _("no %(element)s") % {"element": tag})
        return found

    def narratives(self, element):
        texts = {}
        for narrative in element.iterfind("narrative"):
            language = from_iati_language(narrative.get(XML_LANG) or self.language)
            if language in texts:
                raise _Unreadable(
                    narrative, _("two narratives in %(language)r") % {"language": language}
                )
            texts[language] = (narrative.text or "").strip()
        return texts

    def text_attribute(self, element, name):
        value = (element.get(name) or "").strip()
        if not value:
            raise _Unreadable(element, _("no @%(attribute)s") % {"attribute": name})
        return value

    def code(self, element, attribute, enum, default=None):
        raw = element.get(attribute)
        if raw is None and default is not None:
            return enum(default)
        try:
            return enum(int(raw))
        except (TypeError, ValueError):
            raise _Unreadable(
                element,
                _("unknown @%(attribute)s code %(code)r") % {"attribute": attribute, "code": raw},
            ) from None

    def optional_code(self, element, enum):
        return None if element is None else self.code(element, "code", enum)

    def date(self, element, attribute):
        raw = element.get(attribute)
        try:
            return date.fromisoformat(raw)
        except (TypeError, ValueError):
            raise _Unreadable(
                element,
                _("@%(attribute)s %(value)r is not a date")
                % {"attribute": attribute, "value": raw},
            ) from None

    def decimal(self, element, text):
        try:
            return Decimal(text.strip())
        except (AttributeError, InvalidOperation):
            raise _Unreadable(element, _("%(text)r is not a number") % {"text": text}) from None

    def percentage(self, element):
        raw = element.get("percentage")
        return None if raw is None else self.decimal(element, raw)

    def organisation(self, element):
        return Organisation(
            name=self.narratives(element),
            ref=element.get("ref", ""),
            type=element.get("type", ""),
        )

    def participating(self, element):
        return ParticipatingOrganisation(
            role=self.code(element, "role", OrganisationRole),
            name=self.narratives(element),
            ref=element.get("ref", ""),
            type=element.get("type", ""),
            activity_id=element.get("activity-id", ""),
        )

    def money(self, parent):
        value = self.required(parent, "value")
        currency = value.get("currency") or self.currency
        if not currency:
            raise _Unreadable(value, _("no currency and no default-currency"))
        return self.decimal(value, value.text), currency, self.date(value, "value-date")

    def budget(self, element):
        amount, currency, value_date = self.money(element)
        return Budget(
            period_start=self.date(self.required(element, "period-start"), "iso-date"),
            period_end=self.date(self.required(element, "period-end"), "iso-date"),
            value=amount,
            currency=currency,
            value_date=value_date,
            type=self.code(element, "type", BudgetType, 1),
            status=self.code(element, "status", BudgetStatus, 1),
        )

    def transaction(self, element):
        amount, currency, value_date = self.money(element)
        description = element.find("description")
        provider, receiver = element.find("provider-org"), element.find("receiver-org")
        return Transaction(
            type=self.code(self.required(element, "transaction-type"), "code", TransactionType),
            date=self.date(self.required(element, "transaction-date"), "iso-date"),
            value=amount,
            currency=currency,
            value_date=value_date,
            ref=element.get("ref", ""),
            description=self.narratives(description) if description is not None else {},
            provider=self.organisation(provider) if provider is not None else None,
            receiver=self.organisation(receiver) if receiver is not None else None,
        )
