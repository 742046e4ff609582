"""Write activities as an IATI 2.03 `iati-activities` document."""

import re
from datetime import UTC, datetime

from lxml import etree

from .activity import IATI_VERSION

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# PoA-ISS's own namespace: IATI lets publishers add attributes of another namespace. The
# export names the project field of each description with it, so that the import puts every
# text back where it was (IATI's four description types are fewer than a project's texts).
POAISS_NAMESPACE = "urn:poa-iss:iati"
FIELD = f"{{{POAISS_NAMESPACE}}}field"

# Language codes of the system that IATI (ISO 639-1) writes differently.
IATI_LANGUAGES = {"zh-hans": "zh"}
SYSTEM_LANGUAGES = {iati: system for system, iati in IATI_LANGUAGES.items()}


def to_iati_language(code):
    code = code.lower()
    return IATI_LANGUAGES.get(code, code.split("-")[0])


def from_iati_language(code):
    code = code.lower()
    return SYSTEM_LANGUAGES.get(code, code)


# Characters XML 1.0 cannot carry (control characters pasted from word processors).
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text):
    """The text as an XML document can hold it, without surrounding white space."""
    return NOT_XML.sub("", text).strip()


def _number(value):
    return format(value, "f")


def _sub(parent, tag, **attributes):
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value not in (None, ""):
            element.set(name.replace("_", "-"), str(value))
    return element


def _narratives(element, texts, default_language, where):
    texts = {language: xml_text(text) for language, text in texts.items()}
    if not any(texts.values()):
        raise ValueError(f"{where} needs a text in at least one language")
    # The default language first, without xml:lang: IATI reads such a narrative as being
    # in the activity's language.
    ordered = sorted(texts.items(), key=lambda item: item[0] != default_language)
    for language, text in ordered:
        if not text:
            continue
        narrative = etree.SubElement(element, "narrative")
        narrative.text = text
        if language != default_language:
            narrative.set(XML_LANG, to_iati_language(language))


def _value(parent, tag, value, currency, value_date, default_currency):
    element = _sub(
        parent,
        tag,
        currency=currency if currency != default_currency else None,
        value_date=value_date.isoformat(),
    )
    element.text = _number(value)
    return element


def _organisation(parent, tag, organisation, language, where, **extra):
    element = _sub(parent, tag, ref=organisation.ref, type=organisation.type, **extra)
    if any(text.strip() for text in organisation.name.values()):
        _narratives(element, organisation.name, language, where)
    return element


def activity_element(activity):
    language = activity.default_language
    where = f"activity {activity.identifier}"
    reporting = activity.reporting_org
    if not (reporting.ref and reporting.type):
        raise ValueError(f"{where}: the reporting organisation needs a ref and a type")
    if not any(text.strip() for text in reporting.name.values()):
        raise ValueError(f"{where}: the reporting organisation needs a name")
    if not activity.descriptions:
        raise ValueError(f"{where} needs a description")
    if not activity.participating_orgs:
        raise ValueError(f"{where} needs a participating organisation")
    if not activity.dates:
        raise ValueError(f"{where} needs an activity date")

    root = etree.Element("iati-activity")
    if activity.last_updated:
        root.set("last-updated-datetime", activity.last_updated.isoformat(timespec="seconds"))
    root.set(XML_LANG, to_iati_language(language))
    root.set("default-currency", activity.default_currency)

    _sub(root, "iati-identifier").text = xml_text(activity.identifier)
    _organisation(root, "reporting-org", reporting, language, f"{where}: reporting-org")
    _narratives(_sub(root, "title"), activity.title, language, f"{where}: title")
    for description in activity.descriptions:
        element = _sub(root, "description", type=int(description.type))
        if description.field:
            element.set(FIELD, description.field)
        _narratives(element, description.text, language, f"{where}: description")
    for organisation in activity.participating_orgs:
        element = _sub(
            root,
            "participating-org",
            ref=organisation.ref,
            type=organisation.type,
            role=int(organisation.role),
            activity_id=organisation.activity_id,
        )
        if any(text.strip() for text in organisation.name.values()):
            _narratives(element, organisation.name, language, f"{where}: participating-org")
    for other in activity.other_identifiers:
        _sub(root, "other-identifier", ref=xml_text(other.ref), type=other.type)
    _sub(root, "activity-status", code=int(activity.status))
    for activity_date in activity.dates:
        _sub(
            root,
            "activity-date",
            type=int(activity_date.type),
            iso_date=activity_date.date.isoformat(),
        )
    if activity.scope is not None:
        _sub(root, "activity-scope", code=int(activity.scope))
    for country in activity.recipient_countries:
        _sub(root, "recipient-country", code=country.code, percentage=_percentage(country))
    for region in activity.recipient_regions:
        _sub(
            root,
            "recipient-region",
            code=region.code,
            vocabulary=region.vocabulary,
            percentage=_percentage(region),
        )
    for sector in activity.sectors:
        element = _sub(
            root,
            "sector",
            vocabulary=sector.vocabulary,
            code=sector.code,
            percentage=_percentage(sector),
        )
        if any(text.strip() for text in sector.name.values()):
            _narratives(element, sector.name, language, f"{where}: sector")
    for budget in activity.budgets:
        element = _sub(root, "budget", type=int(budget.type), status=int(budget.status))
        _sub(element, "period-start", iso_date=budget.period_start.isoformat())
        _sub(element, "period-end", iso_date=budget.period_end.isoformat())
        _value(
            element,
            "value",
            budget.value,
            budget.currency,
            budget.value_date,
            activity.default_currency,
        )
    for transaction in activity.transactions:
        element = _sub(root, "transaction", ref=transaction.ref)
        _sub(element, "transaction-type", code=int(transaction.type))
        _sub(element, "transaction-date", iso_date=transaction.date.isoformat())
        _value(
            element,
            "value",
            transaction.value,
            transaction.currency,
            transaction.value_date,
            activity.default_currency,
        )
        if transaction.description:
            _narratives(
                _sub(element, "description"),
                transaction.description,
                language,
                f"{where}: transaction description",
            )
        for tag, organisation in (
            ("provider-org", transaction.provider),
            ("receiver-org", transaction.receiver),
        ):
            if organisation is not None:
                _organisation(element, tag, organisation, language, f"{where}: {tag}")
    return root


def _percentage(item):
    return _number(item.percentage) if item.percentage is not None else None


def write_activities(activities, *, generated=None):
    """Return the UTF-8 bytes of an `iati-activities` document holding `activities`."""
    root = etree.Element("iati-activities", nsmap={"poaiss": POAISS_NAMESPACE})
    root.set("version", IATI_VERSION)
    generated = generated or datetime.now(UTC).replace(microsecond=0)
    root.set("generated-datetime", generated.isoformat(timespec="seconds"))
    for activity in activities:
        root.append(activity_element(activity))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
