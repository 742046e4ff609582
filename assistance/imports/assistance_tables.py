"""The columns of needs and resources tables (CSV or XLSX), one row per record.

Taxonomy terms are named by code, as in the API; the codes a table may use are given by the
caller (they live in the database), so this module stays free of it. Lists are separated by
semicolons. A `reference` column, when given, identifies the record across imports.
"""

from django.utils.translation import gettext as _

from cms.core.languages import UN_LANGUAGE_CODES

from .project_table import Region
from .tabular import (
    Boolean,
    Choice,
    Column,
    Country,
    Currency,
    Date,
    Integer,
    ListOf,
    Number,
    Schema,
    Text,
)

LANGUAGES = tuple(UN_LANGUAGE_CODES)
PRIORITIES = ("low", "medium", "high")
NEED_STATUSES = (
    "draft",
    "submitted",
    "validated",
    "published",
    "matched",
    "partly_funded",
    "funded",
    "completed",
    "withdrawn",
)
RESOURCE_KINDS = ("fund", "programme", "bilateral", "roster", "equipment")
# In-kind assistance: person-days of expertise, training places, units of equipment.
CAPACITY_UNITS = ("person_days", "places", "units")
RESOURCE_STATUSES = ("draft", "active", "closed")
COUNTRY_GROUPS = ("ldc", "lldc", "sids")


def _email(values):
    email = values.get("contact_email")
    if email and ("@" not in email or " " in email or email.startswith("@")):
        yield "contact_email", _("%(text)r is not an e-mail address") % {"text": email}


# The statuses in which a need is public (Need.PUBLIC_STATUSES): they need the State's consent.
PUBLIC_NEED_STATUSES = ("published", "matched", "partly_funded", "funded", "completed")


def _consent(values):
    status = values.get("status")
    if status in PUBLIC_NEED_STATUSES and not values.get("consent_to_publish"):
        yield (
            "consent_to_publish",
            _("a need cannot be %(status)s without the State's consent to publish")
            % {"status": status},
        )


def _call_dates(values):
    opens, closes = values.get("call_opens"), values.get("call_closes")
    if opens and closes and closes < opens:
        yield "call_closes", _("closes before the call opens")
    if not values.get("rolling") and not closes:
        yield "call_closes", _("give the closing date of the call, or mark it rolling")


def _grants(values):
    floor, cap = values.get("grant_floor"), values.get("grant_cap")
    if floor is not None and cap is not None and floor > cap:
        yield "grant_floor", _("the smallest grant exceeds the largest")
    shortest, longest = values.get("min_duration_months"), values.get("max_duration_months")
    if shortest and longest and shortest > longest:
        yield "min_duration_months", _("the shortest project exceeds the longest")


def _codes(codes):
    return ListOf(Choice(tuple(codes)))


def need_schema(*, themes, forms, organisations):
    """Columns of a needs table; `themes`, `forms`, `organisations` are the known codes."""
    return Schema(
        columns=(
            Column("reference", Text(max_length=150), unique=True, aliases=("ref",)),
            Column("title", Text(max_length=255), required=True),
            Column("description", Text()),
            Column("original_language", Choice(LANGUAGES), default="en", aliases=("language",)),
            Column("country", Country(), required=True, aliases=("requesting state",)),
            Column("applicant", Choice(tuple(organisations))),
            Column("themes", _codes(themes), required=True),
            Column("forms", _codes(forms), required=True),
            Column("amount", Number(minimum=0), required=True, aliases=("budget",)),
            Column("currency", Currency(), default="USD"),
            Column("start_date", Date(), required=True, aliases=("start", "desired start")),
            Column("latest_start_date", Date(), aliases=("latest start", "latest useful start")),
            Column(
                "duration_months",
                Integer(minimum=1, maximum=120),
                required=True,
                aliases=("duration",),
            ),
            Column("required_unit", Choice(CAPACITY_UNITS)),
            Column("required_quantity", Integer(minimum=1)),
            Column("priority", Choice(PRIORITIES), default="medium"),
            Column("concerns_iti", Boolean(), default=False, aliases=("iti",)),
            Column("status", Choice(NEED_STATUSES), aliases=("lifecycle",)),
            Column("consent_to_publish", Boolean(), default=False, aliases=("consent",)),
            Column("contact_name", Text(max_length=255)),
            Column("contact_email", Text(max_length=254)),
        ),
        row_checks=(_email, _consent),
    )


def resource_schema(*, themes, forms, organisations, organisation_types):
    """Columns of a resources table; the arguments are the known codes of each taxonomy."""
    return Schema(
        columns=(
            Column("reference", Text(max_length=150), unique=True, aliases=("ref",)),
            Column("kind", Choice(RESOURCE_KINDS), required=True),
            Column("status", Choice(RESOURCE_STATUSES), default="draft"),
            Column("title", Text(max_length=255), required=True),
            Column("description", Text()),
            Column("original_language", Choice(LANGUAGES), default="en", aliases=("language",)),
            Column("provider", Choice(tuple(organisations))),
            Column("provider_country", Country(), aliases=("donor state",)),
            Column("themes", _codes(themes), required=True),
            Column("forms", _codes(forms), required=True),
            Column("priority_themes", _codes(themes), default=[]),
            Column("priority_regions", ListOf(Region()), default=[]),
            Column("is_global", Boolean(), default=False, aliases=("global",)),
            Column("eligible_countries", ListOf(Country()), default=[]),
            Column("eligible_regions", ListOf(Region()), default=[]),
            Column("eligible_groups", _codes(COUNTRY_GROUPS), default=[]),
            Column("eligible_applicant_types", _codes(organisation_types), default=[]),
            Column("currency", Currency(), default="USD"),
            Column("grant_floor", Number(minimum=0), default=0),
            Column("grant_cap", Number(minimum=0), required=True),
            Column("cofunding_percent", Integer(minimum=0, maximum=90), default=0),
            Column("min_duration_months", Integer(minimum=1, maximum=120)),
            Column("max_duration_months", Integer(minimum=1, maximum=120)),
            Column("rolling", Boolean(), default=False),
            Column("call_opens", Date()),
            Column("call_closes", Date()),
            Column("award_date", Date(), aliases=("expected award",)),
            Column("decision_days", Integer(minimum=0, maximum=730)),
            Column("capacity_unit", Choice(CAPACITY_UNITS)),
            Column("capacity", Integer(minimum=1)),
            Column(
                "requires_need_from_national_report",
                Boolean(),
                default=False,
                aliases=("national reports only",),
            ),
            Column("requirements", Text()),
            Column("contact_name", Text(max_length=255)),
            Column("contact_email", Text(max_length=254)),
        ),
        row_checks=(_grants, _call_dates, _email),
    )
