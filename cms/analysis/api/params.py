"""The query parameters of the analysis endpoints, each refused with a 400 naming it."""

from django.utils.translation import gettext as _

from cms.api.caching import derived_from_content
from cms.api.languages import QueryParameterError
from cms.core.models import CountryGroup, Region
from cms.library.models import ReportingCycle

from ..figures import UnknownQuestion, question_by_code
from ..rates import reported_cycles
from ..states import Scope, reporting_states

INSTRUMENTS = ("poa", "iti")


def states_for(request, language):
    """The reporting States in `language`, computed once per process and content version."""
    return derived_from_content(
        request, f"analysis:states:{language}", lambda: reporting_states(language)
    )


def listed(request, name):
    return [
        code.strip()
        for value in request.query_params.getlist(name)
        for code in value.split(",")
        if code.strip()
    ]


def known_cycles():
    return ", ".join(ReportingCycle.objects.values_list("code", flat=True))


def cycle_param(request, name="cycle"):
    """One cycle: the one asked for, else the latest cycle with counted reports."""
    code = request.query_params.get(name, "").strip()
    if code:
        cycle = ReportingCycle.objects.filter(code=code).first()
        if cycle is None:
            raise QueryParameterError(
                name,
                _("Unknown reporting cycle %(code)s; use one of %(known)s.")
                % {"code": code, "known": known_cycles()},
            )
        return cycle
    return latest_reported_cycle()


def latest_reported_cycle():
    cycle = reported_cycles().last()
    return cycle or ReportingCycle.objects.order_by("-year").first()


def cycles_param(request, name="cycle"):
    """Several cycles, oldest first: those asked for, else every cycle."""
    codes = listed(request, name)
    cycles = ReportingCycle.objects.order_by("year", "code")
    if not codes:
        return list(cycles)
    found = list(cycles.filter(code__in=codes))
    unknown = set(codes) - {cycle.code for cycle in found}
    if unknown:
        raise QueryParameterError(
            name,
            _("Unknown reporting cycle %(code)s; use one of %(known)s.")
            % {"code": ", ".join(sorted(unknown)), "known": known_cycles()},
        )
    return found


def scope_param(request):
    region = request.query_params.get("region", "").strip()
    if region and not Region.objects.filter(code=region).exists():
        raise QueryParameterError(
            "region",
            _("Unknown region %(code)r; give a UN M49 region, sub-region or intermediate region.")
            % {"code": region},
        )
    group = request.query_params.get("group", "").strip()
    if group and group not in CountryGroup.values:
        raise QueryParameterError(
            "group",
            _("Unknown country group %(code)r; use one of %(known)s.")
            % {"code": group, "known": ", ".join(CountryGroup.values)},
        )
    return Scope(region=region, group=group)


def instrument_param(request):
    instrument = request.query_params.get("instrument", "").strip()
    if instrument and instrument not in INSTRUMENTS:
        raise QueryParameterError(
            "instrument",
            _("Unknown instrument %(code)r; use poa or iti.") % {"code": instrument},
        )
    return instrument


def question_param(code):
    try:
        return question_by_code(code)
    except UnknownQuestion:
        raise QueryParameterError(
            "question", _("Unknown question %(code)r.") % {"code": code}
        ) from None


def country_param(request, states, code):
    if code not in states:
        raise QueryParameterError(
            "country", _("%(code)r is not a reporting State.") % {"code": code}
        )
    return states[code]
