"""Needs stated in national reports become proposed needs for the State to confirm.

Publishing a national report (any of its languages) writes an outbox message; its handler
reads the report's `poa-iii-needs` entries and, for each, keeps one need of the State linked
to the entry (`StatedNeed`, keyed by State, cycle, question and entry id):

- a new entry becomes a draft need, *proposed*, for the State's point of contact to confirm,
  edit or discard;
- a changed entry updates its need while still proposed; once the need is confirmed the
  change is only proposed (`proposed_changes`), applied when the State accepts it;
- a removed entry withdraws its need while still proposed; a confirmed need stays, flagged
  as removed from the report; a discarded entry is never proposed again.

Publishing again with the same entries changes nothing, so the handler may run any number
of times.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core.models import AssistanceForm, Country, ThematicArea
from cms.outbox.service import enqueue

from .models import Need, StatedNeed

PROPOSE_NEEDS = "assistance.propose-needs-from-report"
NEEDS_QUESTION = "poa-iii-needs"
ENTRY_FIELDS = ("thematic_area", "assistance_form", "description", "estimated_cost_usd")
TITLE_LENGTH = 120
# A need's desired start and duration are not asked in the report: the State sets them when it
# confirms; until then the need starts on the report's publication and lasts a year.
DEFAULT_DURATION_MONTHS = 12


class NotFromReport(ValueError):
    """The need was not proposed from a national report."""


def report_published(sender, instance, **kwargs):
    """Signal receiver: propose the report's stated needs once the publication commits."""
    key = f"report:{instance.country.code}:{instance.cycle.code}"
    enqueue(PROPOSE_NEEDS, key, {"report": instance.pk})


def propose_needs_handler(payload):
    from cms.library.models import NationalReportPage

    report = (
        NationalReportPage.objects.filter(pk=payload["report"], live=True)
        .select_related("country", "cycle")
        .first()
    )
    if report is not None:
        propose_needs_from_report(source_of(report))


def source_of(report):
    """The live report in the language the State wrote it, when this one is a translation.

    The translations carry the same entries once synchronised; reading the original keeps a
    translation published before its synchronisation from undoing a newer edition.
    """
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(object_id=report.translation_key).first()
    if source is None or source.locale_id == report.locale_id:
        return report
    original = (
        type(report)
        .objects.filter(translation_key=report.translation_key, locale_id=source.locale_id)
        .filter(live=True)
        .select_related("country", "cycle")
        .first()
    )
    return original or report


def stated_entries(report):
    """{entry id: entry} of the report's stated needs, as published."""
    answer = (report.answers or {}).get(NEEDS_QUESTION) or {}
    entries = answer.get("value") if isinstance(answer, dict) else None
    return {
        str(entry["id"]): {field: entry.get(field) for field in ENTRY_FIELDS}
        for entry in entries or []
        if isinstance(entry, dict) and entry.get("id")
    }


def title_from(description):
    """The first line (or sentence) of the description, shortened to fit a title."""
    text = " ".join((description or "").split("\n", 1)[0].split())
    sentence = text.split(". ", 1)[0].rstrip(".")
    if len(sentence) > TITLE_LENGTH:
        sentence = sentence[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return sentence or _("Need stated in a national report")


def cost_of(entry):
    try:
        return Decimal(str(entry.get("estimated_cost_usd"))).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return None


def fields_stated(entry):
    """The need's fields as the entry states them, values as the API gives them."""
    fields = {
        "title": title_from(entry["description"]),
        "description": entry["description"] or "",
        "themes": [entry["thematic_area"]] if entry.get("thematic_area") else [],
        "forms": [entry["assistance_form"]] if entry.get("assistance_form") else [],
    }
    cost = cost_of(entry)
    if cost is not None:
        fields.update(amount=str(cost), currency="USD")
    return fields


def changes_for(need, entry):
    """{field: value} of the need that the entry would change."""
    current = {
        "title": need.title,
        "description": need.description,
        "amount": str(need.amount) if need.amount is not None else None,
        "currency": need.currency,
        "themes": sorted(need.themes.values_list("code", flat=True)),
        "forms": sorted(need.forms.values_list("code", flat=True)),
    }
    return {
        field: value for field, value in fields_stated(entry).items() if current[field] != value
    }


def apply_changes(need, changes):
    for field in ("title", "description", "currency"):
        if field in changes:
            setattr(need, field, changes[field])
    if "amount" in changes:
        need.amount = Decimal(changes["amount"])
    need.save()
    if "themes" in changes:
        need.themes.set(ThematicArea.objects.source().filter(code__in=changes["themes"]))
    if "forms" in changes:
        need.forms.set(AssistanceForm.objects.source().filter(code__in=changes["forms"]))


def propose_needs_from_report(report):
    """Bring the needs linked to the report's entries in line with what it states now."""
    entries = stated_entries(report)
    key = {"country_code": report.country.code, "cycle_code": report.cycle.code}
    with transaction.atomic():
        links = {
            link.entry_id: link
            for link in StatedNeed.objects.select_for_update()
            .filter(question_code=NEEDS_QUESTION, **key)
            .select_related("need")
        }
        for entry_id, entry in entries.items():
            link = links.get(entry_id)
            if link is None:
                create_proposed_need(report, entry_id, entry)
            else:
                follow_entry(link, entry)
        for entry_id, link in links.items():
            if entry_id not in entries:
                entry_removed(link)


def create_proposed_need(report, entry_id, entry):
    need = Need(
        country=Country.objects.by_code(report.country.code),
        national_report=report,
        start_date=report.last_published_at.date() if report.last_published_at else date.today(),
        duration_months=DEFAULT_DURATION_MONTHS,
        amount=Decimal(0),
        status=Need.Status.DRAFT,
    )
    apply_changes(need, fields_stated(entry))
    StatedNeed.objects.create(
        need=need,
        question_code=NEEDS_QUESTION,
        entry_id=entry_id,
        country_code=report.country.code,
        cycle_code=report.cycle.code,
        cycle_year=report.cycle.year,
        entry=entry,
    )


def follow_entry(link, entry):
    State = StatedNeed.State
    if link.state == State.DISCARDED:
        return
    if link.state == State.WITHDRAWN:
        # The entry is back in the report: propose it again.
        link.need.change_status(Need.Status.DRAFT, note=link.source)
        link.state = State.PROPOSED
    link.removed_from_report = False
    if link.state == State.PROPOSED:
        if link.entry != entry:
            apply_changes(link.need, changes_for(link.need, entry))
        link.entry, link.pending_entry, link.proposed_changes = entry, {}, {}
    elif entry == link.entry:
        # The report states again what was confirmed: nothing is left to accept.
        link.pending_entry, link.proposed_changes = {}, {}
    else:
        link.pending_entry = entry
        link.proposed_changes = changes_for(link.need, entry)
    link.save()


def entry_removed(link):
    State = StatedNeed.State
    if link.state == State.PROPOSED:
        link.need.change_status(Need.Status.WITHDRAWN, note=_("Removed from the national report."))
        link.state = State.WITHDRAWN
    elif link.state == State.CONFIRMED:
        link.removed_from_report = True
        link.pending_entry, link.proposed_changes = {}, {}
    link.save()


# The State's decisions (API actions and admin buttons).


def link_of(need):
    link = StatedNeed.objects.filter(need=need).first()
    if link is None:
        raise NotFromReport(_("This need was not proposed from a national report."))
    return link


def confirm(need, user):
    """Confirm a proposed need; on a confirmed one, accept what the report now proposes."""
    link = link_of(need)
    State = StatedNeed.State
    if link.state not in (State.PROPOSED, State.CONFIRMED):
        raise NotFromReport(_("This need was discarded or removed from the report."))
    with transaction.atomic():
        if link.state == State.CONFIRMED and link.pending_entry:
            apply_changes(need, link.proposed_changes)
            link.entry = link.pending_entry
        link.state = State.CONFIRMED
        link.pending_entry, link.proposed_changes = {}, {}
        link.decided_by = user if user and user.is_authenticated else None
        link.decided_at = timezone.now()
        link.save()
    return link


def discard(need, user):
    """Discard a proposed need (it is withdrawn), or the changes proposed for a confirmed one."""
    link = link_of(need)
    State = StatedNeed.State
    with transaction.atomic():
        if link.state == State.PROPOSED:
            need.change_status(Need.Status.WITHDRAWN, user, _("Discarded by the State."))
            link.state = State.DISCARDED
        elif link.state == State.CONFIRMED and link.pending_entry:
            # The report's new wording is not taken; later edits are compared with it.
            link.entry = link.pending_entry
        else:
            raise NotFromReport(_("Nothing proposed from the report waits for a decision."))
        link.pending_entry, link.proposed_changes = {}, {}
        link.decided_by = user if user and user.is_authenticated else None
        link.decided_at = timezone.now()
        link.save()
    return link
