"""The IATI Standard ruleset for activities, as checks the tests run on exported files.

No installable validator checks IATI's rules today (`pyiati` stopped at 2018 and targets an
older Python), so the rules of the Standard Ruleset that apply to activities are written
here, one function per rule type of IATI/IATI-Rulesets `rulesets/standard.json`:
atleast_one, one_or_all, only_one_of, date_now, date_order, time_limit, regex_matches, sum,
strict_sum (per sector vocabulary), if_then, range, and the participating-org, budget and
transaction rules; plus the identifier rule of the standard's guidance (an iati-identifier
begins with its reporting-org's ref). https://iatistandard.org/en/guidance/standard-guidance/
"""

from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOT_IN_REFS = set("/&|?")


def _date(text):
    return date.fromisoformat(text[:10])


def _one_year_later(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _dates(activity, path):
    return [_date(value) for value in activity.xpath(path)]


def _sum_is_100(values):
    return sum(values, Decimal(0)) == 100


def activity_errors(activity, today):
    identifier = activity.findtext("iati-identifier")
    errors = []

    def error(rule, message):
        errors.append(f"{identifier}: {rule}: {message}")

    # atleast_one
    if not activity.xpath("activity-date[@type='1' or @type='2']"):
        error("atleast_one", "no planned or actual start date")
    if not activity.xpath("sector|transaction/sector"):
        error("atleast_one", "no sector")
    for path in (
        "transaction/provider-org",
        "transaction/receiver-org",
        "other-identifier/owner-org",
    ):
        for element in activity.xpath(path):
            if not (element.get("ref") or element.find("narrative") is not None):
                error("atleast_one", f"{path} without @ref or narrative")

    # one_or_all
    if activity.get(XML_LANG) is None and any(
        n.get(XML_LANG) is None for n in activity.iter("narrative")
    ):
        error("one_or_all", "no @xml:lang and a narrative without one")
    transactions = activity.findall("transaction")
    if activity.find("sector") is None and any(t.find("sector") is None for t in transactions):
        error("one_or_all", "sectors neither on the activity nor on every transaction")
    if activity.get("default-currency") is None and any(
        v.get("currency") is None for v in activity.iter("value")
    ):
        error("one_or_all", "no @default-currency and a value without @currency")

    # only_one_of
    if activity.xpath("recipient-country|recipient-region") and activity.xpath(
        "transaction/recipient-country|transaction/recipient-region"
    ):
        error("only_one_of", "recipients on the activity and on transactions")

    # date_now
    updated = activity.get("last-updated-datetime")
    if updated and datetime.fromisoformat(updated) > datetime.now(UTC):
        error("date_now", "last-updated-datetime in the future")

    # date_order
    for less, more in (("1", "3"), ("2", "4")):
        for start in _dates(activity, f"activity-date[@type='{less}']/@iso-date"):
            for end in _dates(activity, f"activity-date[@type='{more}']/@iso-date"):
                if start > end:
                    error("date_order", f"activity-date {less} after {more}")
    for kind in ("2", "4"):
        for day in _dates(activity, f"activity-date[@type='{kind}']/@iso-date"):
            if day > today:
                error("date_order", f"actual activity-date {kind} in the future ({day})")
    for transaction in activity.iterfind("transaction"):
        for day in _dates(transaction, "transaction-date/@iso-date|value/@value-date"):
            if day > today:
                error("date_order", f"transaction dated in the future ({day})")

    # budgets: date_order and time_limit (a period of at most a year)
    for budget in activity.iterfind("budget"):
        start = _date(budget.find("period-start").get("iso-date"))
        end = _date(budget.find("period-end").get("iso-date"))
        if start > end:
            error("date_order", f"budget from {start} to {end}")
        if end >= _one_year_later(start):
            error("time_limit", f"budget from {start} to {end} is longer than a year")

    # regex_matches
    refs = activity.xpath(
        "reporting-org/@ref|participating-org/@ref|transaction/provider-org/@ref"
        "|transaction/receiver-org/@ref"
    ) + [identifier or ""]
    for ref in refs:
        if not ref or NOT_IN_REFS & set(ref):
            error("regex_matches", f"{ref!r} is empty or holds one of / & | ?")
    reporting_ref = activity.find("reporting-org").get("ref") or ""
    if not (identifier or "").startswith(reporting_ref):
        error("startswith", "iati-identifier does not begin with the reporting-org's ref")

    # sum (recipients) and strict_sum (sectors, per vocabulary), range
    recipients = activity.xpath("recipient-country|recipient-region")
    shares = [r.get("percentage") for r in recipients]
    if (len(recipients) > 1 or any(shares)) and (
        None in shares or not _sum_is_100(map(Decimal, shares))
    ):
        error("sum", "recipient percentages do not add up to 100")
    vocabularies = defaultdict(list)
    for sector in activity.iterfind("sector"):
        vocabularies[sector.get("vocabulary", "1")].append(sector.get("percentage"))
    for vocabulary, shares in vocabularies.items():
        if len(shares) == 1 and shares[0] is None:
            continue
        if None in shares or not _sum_is_100(map(Decimal, shares)):
            error("strict_sum", f"sector percentages of vocabulary {vocabulary} are not 100")
    for value in activity.xpath("recipient-country/@percentage|recipient-region/@percentage"):
        if Decimal(value) < 0:
            error("range", "a negative percentage")
    for value in activity.xpath("sector/@percentage"):
        if Decimal(value) < 0:
            error("range", "a negative percentage")

    # if_then: sectors of the publishers' own vocabularies (98, 99) need a narrative
    if activity.xpath("sector[@vocabulary='98' or @vocabulary='99']") and not activity.xpath(
        "sector/narrative"
    ):
        error("if_then", "sector of vocabulary 98 or 99 without a narrative")

    # participating-org: atleast_one of @ref and narrative
    for organisation in activity.iterfind("participating-org"):
        if not (organisation.get("ref") or organisation.find("narrative") is not None):
            error("atleast_one", "participating-org without @ref or narrative")
    return errors


def ruleset_errors(document, today=None):
    """The Standard Ruleset violations of an iati-activities document (bytes)."""
    today = today or date.today()
    root = etree.fromstring(document)
    return [
        message
        for activity in root.iterfind("iati-activity")
        for message in activity_errors(activity, today)
    ]
