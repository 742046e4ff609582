"""A match explained in plain words, in the active language, from its stored breakdown."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models.base import CapacityUnit
from .criteria import WEIGHTS


def _money(amount):
    return f"US${amount:,.0f}"


def explain(breakdown, resource_names=None):
    """Sentences saying why the engine proposed this match (score figures included)."""
    facts = breakdown.get("facts", {})
    contributions = breakdown.get("contributions", [])
    sentences = []
    if len(contributions) > 1:
        names = resource_names or {}
        parts = [
            _("%(resource)s gives %(amount)s")
            % {
                "resource": names.get(item["resource"], f"#{item['resource']}"),
                "amount": _money(item["amount_usd"]),
            }
            for item in contributions
        ]
        sentences.append(
            _("No single resource can fund this need; together: %(parts)s.")
            % {"parts": "; ".join(parts)}
        )
    else:
        sentences.append(
            ngettext(
                "Covers %(covered)d of the %(requested)d thematic area requested.",
                "Covers %(covered)d of the %(requested)d thematic areas requested.",
                facts.get("themes_requested", 0),
            )
            % {
                "covered": facts.get("themes_covered", 0),
                "requested": facts.get("themes_requested", 0),
            }
        )
        sentences.append(
            ngettext(
                "Offers %(covered)d of the %(requested)d form of assistance requested.",
                "Offers %(covered)d of the %(requested)d forms of assistance requested.",
                facts.get("forms_requested", 0),
            )
            % {
                "covered": facts.get("forms_covered", 0),
                "requested": facts.get("forms_requested", 0),
            }
        )
        if "grant_usd" in facts:
            sentences.append(
                _("The grant asked, %(grant)s, is within the largest grant of %(cap)s.")
                % {"grant": _money(facts["grant_usd"]), "cap": _money(facts["cap_usd"])}
            )
        if facts.get("in_kind"):
            sentences.append(in_kind_sentence(facts))
        sentences.extend(timing_sentences(facts))
        if facts.get("requires_report"):
            sentences.append(
                _(
                    "The provider accepts only needs stated in national reports; the State "
                    "stated this one in its national report."
                )
            )
        elif facts.get("from_report"):
            sentences.append(_("The State stated this need in its national report."))
        if facts.get("donor_priority_theme"):
            sentences.append(_("A thematic area of the need is a priority of the provider."))
        if facts.get("donor_priority_region"):
            sentences.append(_("The requesting State is in a priority region of the provider."))
    criteria = breakdown.get("criteria", {})
    labels = criterion_labels()
    points = ", ".join(
        _("%(criterion)s %(points).1f of %(weight)d")
        % {
            "criterion": labels[name],
            "points": criteria[name] * weight * 100,
            "weight": round(weight * 100),
        }
        for name, weight in WEIGHTS.items()
        if name in criteria
    )
    sentences.append(_("Points: %(points)s.") % {"points": points})
    return " ".join(sentences)


def _date(iso):
    return date_format(date.fromisoformat(iso), "DATE_FORMAT")


def in_kind_sentence(facts):
    unit = CapacityUnit(facts["capacity_unit"]).label
    if facts.get("required_quantity") is None:
        return _("In kind: %(capacity)s %(unit)s offered; the need states no quantity.") % {
            "capacity": facts["capacity"],
            "unit": unit,
        }
    return _("In kind: %(capacity)s %(unit)s offered, the need requires %(required)s.") % {
        "capacity": facts["capacity"],
        "unit": unit,
        "required": facts["required_quantity"],
    }


def timing_sentences(facts):
    """Why the need can go to this call: submitted while open, started in time."""
    sentences = []
    earliest, latest = facts.get("earliest_start"), facts.get("latest_start")
    if facts.get("rolling"):
        sentences.append(_("Applications are accepted all year."))
    elif facts.get("call_closes") and facts.get("open_since"):
        sentences.append(
            _("The call closes on %(closes)s; the need was open from %(open)s.")
            % {"closes": _date(facts["call_closes"]), "open": _date(facts["open_since"])}
        )
    if earliest and latest:
        sentences.append(
            _(
                "A funded project can start on %(earliest)s, in time for the need's latest "
                "useful start, %(latest)s."
            )
            % {"earliest": _date(earliest), "latest": _date(latest)}
        )
    if facts.get("days_to_close") is not None:
        sentences.append(
            ngettext(
                "%(days)d day to prepare the proposal.",
                "%(days)d days to prepare the proposal.",
                facts["days_to_close"],
            )
            % {"days": facts["days_to_close"]}
        )
    return sentences


def criterion_labels():
    return {
        "themes": _("thematic areas"),
        "forms": _("forms of assistance"),
        "budget": _("budget fit"),
        "timing": _("timing"),
        "donor_priority": _("provider's priorities"),
        "need_priority": _("priority of the need"),
    }


__all__ = ["explain", "criterion_labels"]
