"""IATI 2.03 activities as plain dataclasses.

Texts in several languages are dicts from language code to text; the six UN languages use
the codes of the rest of the system ("en", "fr", "es", "ru", "ar", "zh-hans") and are
written to IATI as ISO 639-1 codes ("zh" for Chinese). Code lists follow the IATI
standard: https://iatistandard.org/en/iati-standard/203/codelists/
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import IntEnum

IATI_VERSION = "2.03"

# Sector vocabulary 1: OECD DAC five-digit purpose codes.
SECTOR_VOCABULARY_DAC = "1"
SALW_CONTROL = "15240"  # Reintegration and SALW control
LANDMINES_AND_ERW = "15250"  # Removal of land mines and explosive remnants of war
SECURITY_SYSTEM_REFORM = "15210"

# Sector vocabulary 99: the reporting organisation's own codes (PoA-ISS thematic areas).
SECTOR_VOCABULARY_REPORTING_ORG = "99"

# Region vocabulary 2: UN Statistics Division M49 codes ("002" Africa).
REGION_VOCABULARY_M49 = "2"


class OrganisationRole(IntEnum):
    FUNDING = 1
    ACCOUNTABLE = 2
    EXTENDING = 3
    IMPLEMENTING = 4


class ActivityStatus(IntEnum):
    PIPELINE = 1
    IMPLEMENTATION = 2
    FINALISATION = 3
    CLOSED = 4
    CANCELLED = 5
    SUSPENDED = 6


class ActivityDateType(IntEnum):
    PLANNED_START = 1
    ACTUAL_START = 2
    PLANNED_END = 3
    ACTUAL_END = 4


class ActivityScope(IntEnum):
    GLOBAL = 1
    REGIONAL = 2
    MULTI_NATIONAL = 3
    NATIONAL = 4


class DescriptionType(IntEnum):
    GENERAL = 1
    OBJECTIVES = 2
    TARGET_GROUPS = 3
    OTHER = 4


class BudgetType(IntEnum):
    ORIGINAL = 1
    REVISED = 2


class BudgetStatus(IntEnum):
    INDICATIVE = 1
    COMMITTED = 2


class TransactionType(IntEnum):
    INCOMING_FUNDS = 1
    OUTGOING_COMMITMENT = 2
    DISBURSEMENT = 3
    EXPENDITURE = 4
    INTEREST_PAYMENT = 5
    LOAN_REPAYMENT = 6
    REIMBURSEMENT = 7
    PURCHASE_OF_EQUITY = 8
    SALE_OF_EQUITY = 9
    CREDIT_GUARANTEE = 10
    INCOMING_COMMITMENT = 11
    OUTGOING_PLEDGE = 12
    INCOMING_PLEDGE = 13


@dataclass
class Organisation:
    name: dict[str, str]
    ref: str = ""  # organisation identifier, e.g. "XM-DAC-41301"
    type: str = ""  # IATI OrganisationType code: "10" government, "40" multilateral...


# Other-identifier type A1: the reporting organisation's own reference for the activity.
OTHER_IDENTIFIER_INTERNAL = "A1"


@dataclass
class OtherIdentifier:
    ref: str
    type: str = OTHER_IDENTIFIER_INTERNAL


@dataclass
class ParticipatingOrganisation:
    role: OrganisationRole
    name: dict[str, str]
    ref: str = ""
    type: str = ""
    activity_id: str = ""


@dataclass
class Description:
    text: dict[str, str]
    type: DescriptionType = DescriptionType.GENERAL
    # The project field the text is (an attribute of PoA-ISS's own namespace, which IATI
    # allows on descriptions): "summary", "expectations", "objective", "accomplishments"...
    field: str = ""


@dataclass
class ActivityDate:
    type: ActivityDateType
    date: date


@dataclass
class RecipientCountry:
    code: str  # ISO 3166-1 alpha-2
    percentage: Decimal | None = None


@dataclass
class RecipientRegion:
    code: str  # M49 code when vocabulary is "2"
    vocabulary: str = REGION_VOCABULARY_M49
    percentage: Decimal | None = None


@dataclass
class Sector:
    code: str
    vocabulary: str = SECTOR_VOCABULARY_DAC
    percentage: Decimal | None = None
    name: dict[str, str] = field(default_factory=dict)  # required by IATI for vocabulary 99


@dataclass
class Budget:
    period_start: date
    period_end: date
    value: Decimal
    currency: str
    value_date: date
    type: BudgetType = BudgetType.ORIGINAL
    status: BudgetStatus = BudgetStatus.INDICATIVE


@dataclass
class Transaction:
    type: TransactionType
    date: date
    value: Decimal
    currency: str
    value_date: date
    ref: str = ""
    description: dict[str, str] = field(default_factory=dict)
    provider: Organisation | None = None
    receiver: Organisation | None = None


@dataclass
class Activity:
    identifier: str
    reporting_org: Organisation
    title: dict[str, str]
    descriptions: list[Description]
    participating_orgs: list[ParticipatingOrganisation]
    status: ActivityStatus
    dates: list[ActivityDate]
    other_identifiers: list[OtherIdentifier] = field(default_factory=list)
    scope: ActivityScope | None = None
    recipient_countries: list[RecipientCountry] = field(default_factory=list)
    recipient_regions: list[RecipientRegion] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    default_language: str = "en"
    default_currency: str = "USD"
    last_updated: datetime | None = None

    @property
    def internal_reference(self):
        """The reporting organisation's own reference (other-identifier of type A1), or ""."""
        return next(
            (o.ref for o in self.other_identifiers if o.type == OTHER_IDENTIFIER_INTERNAL), ""
        )

    def date_of(self, date_type):
        return next((item.date for item in self.dates if item.type == date_type), None)
