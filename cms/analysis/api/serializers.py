"""The JSON shapes of the analysis: plain dicts built here, described for the schema here."""

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from cms.library.questionnaire.answers import STATUS_VALUES

from ..figures import NOT_ANSWERED, NOT_REPORTED

SHARE_HELP = "A share from 0 to 1, or null when no report counts."


def status_counts_schema():
    return inline_serializer(
        "AnalysisStatusCount",
        {
            "count": serializers.IntegerField(),
            "share": serializers.FloatField(allow_null=True, help_text=SHARE_HELP),
            "share_of_all": serializers.FloatField(
                allow_null=True, help_text="The share of all the States in the set."
            ),
        },
    )


TALLY = inline_serializer(
    "AnalysisTally",
    {
        "code": serializers.CharField(help_text="The M49 area or country group; empty for all."),
        "name": serializers.CharField(),
        "states": serializers.IntegerField(help_text="States in the set."),
        "reported": serializers.IntegerField(
            help_text="The published reports the figures rest on."
        ),
        "small_base": serializers.BooleanField(
            help_text="Fewer than ten reports: the figures describe few States."
        ),
        "answered": serializers.IntegerField(),
        "statuses": serializers.DictField(
            child=status_counts_schema(), help_text="Per answer: " + ", ".join(STATUS_VALUES)
        ),
        "total": serializers.FloatField(allow_null=True),
        "median": serializers.FloatField(allow_null=True),
    },
)

QUESTION = inline_serializer(
    "AnalysisQuestion",
    {
        "code": serializers.CharField(),
        "text": serializers.CharField(),
        "section": serializers.CharField(),
        "instrument": serializers.CharField(),
        "paragraph": serializers.CharField(),
        "answer_type": serializers.CharField(),
        "unit": serializers.CharField(),
    },
)

CYCLE = inline_serializer(
    "AnalysisCycle",
    {
        "code": serializers.CharField(),
        "year": serializers.IntegerField(),
        "label": serializers.CharField(),
    },
)

ANSWER_FIGURES = inline_serializer(
    "AnalysisAnswerFigures",
    {
        "question": QUESTION,
        "cycle": CYCLE,
        "scope": serializers.CharField(),
        "total": TALLY,
        "areas": TALLY.__class__(many=True),
        "groups": TALLY.__class__(many=True),
        "states": inline_serializer(
            "AnalysisStateAnswer",
            {
                "code": serializers.CharField(),
                "name": serializers.CharField(),
                "answer": serializers.CharField(
                    help_text=f"A status, a number as text, `{NOT_ANSWERED}` or `{NOT_REPORTED}`."
                ),
                "label": serializers.CharField(),
            },
        ).__class__(many=True),
    },
)

TREND = inline_serializer(
    "AnalysisTrend",
    {
        "question": QUESTION,
        "scope": serializers.CharField(),
        "cycles": inline_serializer(
            "AnalysisTrendPoint", {"cycle": CYCLE, "figures": TALLY}
        ).__class__(many=True),
    },
)

RATE = inline_serializer(
    "AnalysisReportingRate",
    {
        "code": serializers.CharField(),
        "name": serializers.CharField(),
        "states": serializers.IntegerField(),
        "reported": serializers.IntegerField(),
        "share": serializers.FloatField(allow_null=True, help_text=SHARE_HELP),
        "poa": serializers.IntegerField(help_text="Reports covering the Programme of Action."),
        "iti": serializers.IntegerField(
            help_text="Reports covering the International Tracing Instrument."
        ),
    },
)

STATE = inline_serializer(
    "AnalysisState", {"code": serializers.CharField(), "name": serializers.CharField()}
)

REPORTING_RATES = inline_serializer(
    "AnalysisReportingRates",
    {
        "scope": serializers.CharField(),
        "instrument": serializers.CharField(),
        "cycles": inline_serializer(
            "AnalysisCycleRates",
            {"cycle": CYCLE, "total": RATE, "areas": RATE.__class__(many=True)},
        ).__class__(many=True),
        "never_reported": STATE.__class__(many=True),
    },
)

CHANGES = inline_serializer(
    "AnalysisStateChanges",
    {
        "state": STATE,
        "comparisons": inline_serializer(
            "AnalysisComparison",
            {
                "before": CYCLE,
                "after": CYCLE,
                "changes": inline_serializer(
                    "AnalysisChange",
                    {
                        "question": QUESTION,
                        "before": serializers.CharField(),
                        "after": serializers.CharField(),
                        "direction": serializers.ChoiceField(["progress", "regression", "change"]),
                    },
                ).__class__(many=True),
            },
        ).__class__(many=True),
    },
)


def question_data(question, language):
    return {
        "code": question.code,
        "text": question.text_in(language),
        "section": question.section.title_in(language),
        "instrument": question.instrument,
        "paragraph": question.paragraph,
        "answer_type": question.answer_type,
        "unit": question.unit,
    }


def cycle_data(cycle):
    return {"code": cycle.code, "year": cycle.year, "label": str(cycle.label)}


def tally_data(tally, name):
    return {
        "code": tally.code,
        "name": name,
        "states": tally.states,
        "reported": tally.reported,
        "small_base": tally.small_base,
        "answered": tally.answered,
        "statuses": {
            status: {
                "count": tally.counts[status],
                "share": tally.share(status),
                "share_of_all": tally.share_of_all(status),
            }
            for status in STATUS_VALUES
        },
        "total": tally.total,
        "median": tally.median,
    }


def answer_code(value):
    if value in (NOT_ANSWERED, NOT_REPORTED):
        return value
    status, amount = value
    return status or f"{amount:g}"


def rate_data(rate, name):
    return {
        "code": rate.code,
        "name": name,
        "states": rate.states,
        "reported": rate.reported,
        "share": rate.share,
        "poa": rate.poa,
        "iti": rate.iti,
    }
