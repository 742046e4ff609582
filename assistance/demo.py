"""Demo needs and resources built on the facts of the seed documents, and their matches.

An UNSCAR-like call (grants up to US$200,000, a deadline, open to UN agencies, international
and regional organisations, NGOs and research institutes), its rapid-response window, a
bilateral offer limited to Western Africa, a regional programme for Africa, an expertise
roster for Latin America and the Caribbean, an equipment offer for small island developing
States; needs of several States, among them a marking and record-keeping need too large for
any one fund. Idempotent: records are found again by title.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from cms.core.demo import save_if_changed
from cms.core.models import (
    AssistanceForm,
    Country,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
)

from .matching import service
from .models import CapacityUnit, Need, Priority, Resource

# The day the secretariat validated the demo needs: the calls below are judged from it.
VALIDATED_ON = date(2026, 11, 16)

NON_STATE_APPLICANTS = [
    "un-entity",
    "international-organisation",
    "regional-organisation",
    "ngo",
    "research-institute",
]

RESOURCES = [
    {
        "title": "UNSCAR call for proposals 2027",
        "translations": {
            "fr": {"title": "Appel à propositions de l'UNSCAR pour 2027"},
            "es": {"title": "Convocatoria de propuestas del UNSCAR para 2027"},
        },
        "description": "Annual call of the UN Trust Facility Supporting Cooperation on Arms "
        "Regulation. Grants of up to US$200,000 for projects of one to two years; "
        "governments apply through an eligible organisation.",
        "kind": Resource.Kind.FUND,
        "provider": "unscar",
        "is_global": True,
        "applicants": NON_STATE_APPLICANTS,
        "themes": [
            "marking",
            "record-keeping",
            "tracing",
            "stockpile-management",
            "legislation",
            "transfer-controls",
            "capacity-building",
            "data-collection",
            "gender-children",
        ],
        "priority_themes": ["marking", "record-keeping", "stockpile-management"],
        "forms": ["financial"],
        "cap": 200_000,
        "min_duration": 12,
        "max_duration": 24,
        "opens": date(2027, 1, 15),
        "closes": date(2027, 4, 30),
        "requirements": "Priority to assistance needs stated by States in national reports.",
    },
    {
        "title": "UNSCAR rapid-response window",
        "description": "Small projects answering urgent needs, submitted at any time of year.",
        "kind": Resource.Kind.FUND,
        "provider": "unscar",
        "is_global": True,
        "applicants": NON_STATE_APPLICANTS,
        "themes": ["marking", "record-keeping", "stockpile-management", "data-collection"],
        "forms": ["financial"],
        "cap": 150_000,
        "max_duration": 12,
        "rolling": True,
    },
    {
        "title": "Bilateral offer: stockpile management and marking in Western Africa",
        "description": "Training, equipment and advisers for the physical security and "
        "stockpile management of weapons and ammunition, and for marking, in States of "
        "Western Africa.",
        "kind": Resource.Kind.BILATERAL_OFFER,
        "provider_country": "DE",
        "regions": ["011"],
        "applicants": ["state"],
        "themes": ["stockpile-management", "marking", "surplus-destruction"],
        "forms": ["training", "equipment", "technical-expertise"],
        "currency": "EUR",
        "floor": 50_000,
        "cap": 1_500_000,
        "rolling": True,
    },
    {
        "title": "Regional programme for small arms control in Africa",
        "description": "Co-financing of marking, record-keeping and tracing projects "
        "carried out by UN entities, regional organisations and NGOs in Africa.",
        "kind": Resource.Kind.PROGRAMME,
        "provider": "eu",
        "regions": ["002"],
        "applicants": ["un-entity", "regional-organisation", "ngo"],
        "themes": ["marking", "record-keeping", "tracing"],
        "forms": ["financial", "technical-expertise"],
        "currency": "EUR",
        "floor": 100_000,
        "cap": 250_000,
        "opens": date(2026, 10, 1),
        "closes": date(2027, 6, 30),
    },
    {
        "title": "Expertise roster on marking and tracing for Latin America and the Caribbean",
        "description": "Experts of the regional centre advise on marking, record-keeping and "
        "tracing, and train national officials.",
        "kind": Resource.Kind.EXPERTISE_ROSTER,
        "provider": "unlirec",
        "regions": ["419"],
        "applicants": ["state"],
        "themes": ["marking", "record-keeping", "tracing", "capacity-building"],
        "forms": ["technical-expertise", "training"],
        "cap": 0,
        "capacity_unit": CapacityUnit.PERSON_DAYS,
        "capacity": 120,
        "rolling": True,
        "decision_days": 30,
    },
    {
        "title": "Marking equipment for small island developing States",
        "description": "Marking machines and record-keeping software for small island "
        "developing States.",
        "kind": Resource.Kind.EQUIPMENT_OFFER,
        "provider": "caricom-impacs",
        "groups": ["sids"],
        "applicants": ["state"],
        "themes": ["marking", "record-keeping"],
        "forms": ["equipment"],
        "cap": 0,
        "capacity_unit": CapacityUnit.UNITS,
        "capacity": 25,
        "rolling": True,
        "decision_days": 60,
    },
]

NEEDS = [
    {
        "title": "Marking and record-keeping of State-held small arms",
        "translations": {
            "fr": {"title": "Marquage et enregistrement des armes légères détenues par l'État"},
            "es": {"title": "Marcaje y registro de las armas pequeñas en poder del Estado"},
        },
        "description": "Marking of the small arms held by the police and the armed forces, "
        "and an electronic register linked to the national commission, as reported in the "
        "national report on the PoA and the ITI.",
        "country": "LR",
        "applicant": "undp",
        "themes": ["marking", "record-keeping"],
        "forms": ["financial"],
        "amount": 420_000,
        "start": date(2027, 9, 1),
        "duration": 24,
        "priority": Priority.HIGH,
        "iti": True,
    },
    {
        "title": "Safe storage of ammunition in regional depots",
        "description": "Refurbishment of ammunition storage and training of depot staff.",
        "country": "KE",
        "applicant": "recsa",
        "themes": ["stockpile-management", "capacity-building"],
        "forms": ["financial"],
        "amount": 180_000,
        "start": date(2027, 9, 1),
        "duration": 18,
        "priority": Priority.MEDIUM,
    },
    {
        "title": "Stockpile management and destruction of surplus weapons",
        "description": "Assessment of national stockpiles, destruction of surplus and "
        "training of armourers.",
        "country": "NE",
        "themes": ["stockpile-management", "surplus-destruction"],
        "forms": ["training", "equipment"],
        "amount": 900_000,
        "start": date(2027, 4, 1),
        "duration": 30,
        "priority": Priority.HIGH,
    },
    {
        "title": "Tracing of illicit firearms seized at the border",
        "description": "Training of customs and police in tracing requests under the ITI.",
        "country": "JM",
        "themes": ["tracing", "marking"],
        "forms": ["training", "equipment"],
        "amount": 90_000,
        "start": date(2027, 5, 1),
        "duration": 12,
        "priority": Priority.MEDIUM,
        "iti": True,
    },
    {
        "title": "Survey of firearms in civilian hands for SDG indicator 16.4.2",
        "description": "A national survey and a data system for indicator 16.4.2.",
        "country": "FJ",
        "applicant": "small-arms-survey",
        "themes": ["data-collection"],
        "forms": ["financial"],
        "amount": 60_000,
        "start": date(2027, 7, 1),
        "duration": 10,
        "priority": Priority.LOW,
    },
    {
        "title": "Review of the firearms law",
        "description": "Advice on aligning the national firearms law with the PoA and the ITI.",
        "country": "ML",
        "themes": ["legislation"],
        "forms": ["legal-advice"],
        "amount": 40_000,
        "start": date(2027, 2, 1),
        "duration": 12,
        "status": Need.Status.SUBMITTED,
        "consent": False,
    },
]


def _resource(spec):
    resource = Resource.objects.filter(title=spec["title"]).first() or Resource(title=spec["title"])
    resource.description = spec["description"]
    resource.translations = spec.get("translations", {})
    resource.kind = spec["kind"]
    resource.status = Resource.Status.ACTIVE
    resource.provider = (
        Organisation.objects.by_code(spec["provider"]) if "provider" in spec else None
    )
    resource.provider_country = (
        Country.objects.by_code(spec["provider_country"]) if "provider_country" in spec else None
    )
    resource.is_global = spec.get("is_global", False)
    resource.eligible_groups = spec.get("groups", [])
    resource.currency = spec.get("currency", "USD")
    resource.grant_floor = Decimal(spec.get("floor", 0))
    resource.grant_cap = Decimal(spec["cap"])
    resource.min_duration_months = spec.get("min_duration")
    resource.max_duration_months = spec.get("max_duration")
    resource.rolling = spec.get("rolling", False)
    resource.call_opens = spec.get("opens")
    resource.call_closes = spec.get("closes")
    resource.award_date = spec.get("award")
    resource.decision_days = spec.get("decision_days")
    resource.capacity_unit = spec.get("capacity_unit", "")
    resource.capacity = spec.get("capacity")
    resource.requires_need_from_national_report = spec.get("from_reports_only", False)
    resource.requirements = spec.get("requirements", "")
    resource.full_clean()
    save_if_changed(resource)
    resource.themes.set(ThematicArea.objects.by_codes(spec["themes"]))
    resource.forms.set(AssistanceForm.objects.by_codes(spec["forms"]))
    resource.priority_themes.set(ThematicArea.objects.by_codes(spec.get("priority_themes", [])))
    resource.eligible_regions.set(Region.objects.by_codes(spec.get("regions", [])))
    resource.eligible_applicant_types.set(
        OrganisationType.objects.by_codes(spec.get("applicants", []))
    )
    return resource


def _need(spec):
    need = Need.objects.filter(title=spec["title"]).first() or Need(title=spec["title"])
    need.description = spec["description"]
    need.translations = spec.get("translations", {})
    need.country = Country.objects.by_code(spec["country"])
    need.applicant = (
        Organisation.objects.by_code(spec["applicant"]) if "applicant" in spec else None
    )
    need.amount = Decimal(spec["amount"])
    need.currency = "USD"
    need.start_date = spec["start"]
    need.duration_months = spec["duration"]
    need.priority = spec.get("priority", Priority.MEDIUM)
    need.concerns_iti = spec.get("iti", False)
    need.status = spec.get("status", Need.Status.PUBLISHED)
    need.latest_start_date = spec.get("latest_start")
    need.required_unit = spec.get("required_unit", "")
    need.required_quantity = spec.get("required_quantity")
    if need.status in Need.VALIDATED_STATUSES:
        need.open_since = need.open_since or VALIDATED_ON
    if spec.get("consent", True) and not need.consent_to_publish:
        need.give_consent(None)
    need.full_clean()
    save_if_changed(need)
    need.themes.set(ThematicArea.objects.by_codes(spec["themes"]))
    need.forms.set(AssistanceForm.objects.by_codes(spec["forms"]))
    return need


@transaction.atomic
def load(stdout=None):
    resources = [_resource(spec) for spec in RESOURCES]
    needs = [_need(spec) for spec in NEEDS]
    matched = service.rebuild_all()
    if stdout:
        stdout.write(
            f"assistance: {len(needs)} needs, {len(resources)} resources, {matched} needs matched"
        )
    return needs, resources
