"""Which State reported on what in each cycle, computed from the published national reports."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.core.models import Country

from .models.reports import Instrument, NationalReportPage, ReportingCycle

POA_AND_ITI = "poa_iti"
POA_ONLY = "poa"
ITI_ONLY = "iti"
NOT_REPORTED = "not_reported"

STATUS_LABELS = {
    POA_AND_ITI: _("Reported on the PoA and the ITI"),
    POA_ONLY: _("Reported on the PoA only"),
    ITI_ONLY: _("Reported on the ITI only"),
    NOT_REPORTED: _("Not reported"),
}
STATUSES = list(STATUS_LABELS)


def combined_status(instruments):
    """One status from the instruments of every published report of a country in a cycle."""
    poa = bool(instruments & {Instrument.POA, Instrument.BOTH})
    iti = bool(instruments & {Instrument.ITI, Instrument.BOTH})
    if poa and iti:
        return POA_AND_ITI
    if poa:
        return POA_ONLY
    if iti:
        return ITI_ONLY
    return NOT_REPORTED


@dataclass
class CountryStatus:
    country: Country
    statuses: dict = field(default_factory=dict)  # cycle code -> status

    def cells(self, cycles):
        return [
            (cycle, self.statuses[cycle.code], STATUS_LABELS[self.statuses[cycle.code]])
            for cycle in cycles
        ]


def reported_instruments():
    """{(country code, cycle code): {instrument, ...}} over live, public reports in any language."""
    found = {}
    rows = (
        NationalReportPage.objects.live()
        .public()
        .values_list("country__code", "cycle__code", "instrument")
        .distinct()
    )
    for country_code, cycle_code, instrument in rows:
        found.setdefault((country_code, cycle_code), set()).add(instrument)
    return found


def cycles_for(codes=None):
    cycles = ReportingCycle.objects.all()
    if codes:
        cycles = cycles.filter(code__in=codes)
    return list(cycles)


def reporting_status(language, cycles, region_code=None):
    """Every reporting State (in `language`, else the source language) and its status in
    `cycles`: the UN Member States and observer States, never a territory."""
    countries = Country.objects.reporting_states().localized(language).select_related("region")
    if region_code:
        countries = countries.filter(
            Q(region__code=region_code)
            | Q(sub_region__code=region_code)
            | Q(intermediate_region__code=region_code)
        )
    reported = reported_instruments()
    rows = []
    for country in countries.order_by("name"):
        statuses = {
            cycle.code: combined_status(reported.get((country.code, cycle.code), set()))
            for cycle in cycles
        }
        rows.append(CountryStatus(country=country, statuses=statuses))
    return rows
