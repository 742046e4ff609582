"""A match explained in plain words, in the active language, from its stored breakdown."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        if facts.get("rolling"):
            sentences.append(_("Applications are accepted all year."))
        elif facts.get("days_to_close") is not None:
            sentences.append(
                ngettext(
                    "The call closes %(days)d day after the desired start.",
                    "The call closes %(days)d days after the desired start.",
                    facts["days_to_close"],
                )
                % {"days": facts["days_to_close"]}
            )
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
