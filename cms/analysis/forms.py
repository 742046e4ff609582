"""The choices of the analysis screen: what to count, when, and for which States."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.core.models import CountryGroup, Region
from cms.library.models import ReportingCycle

from .figures import question_catalogue
from .states import Scope

REPORTING = "reporting"


class AnalysisForm(forms.Form):
    question = forms.ChoiceField(label=_("Figure"), required=False)
    cycle = forms.ChoiceField(label=_("Reporting cycle"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    group = forms.ChoiceField(
        label=_("Country group"),
        required=False,
        choices=[("", _("All States")), *CountryGroup.choices],
    )
    instrument = forms.ChoiceField(
        label=_("Instrument"),
        required=False,
        choices=[
            ("", _("Either instrument")),
            ("poa", _("Programme of Action")),
            ("iti", _("International Tracing Instrument")),
        ],
    )

    def __init__(self, data, language, default_cycle):
        super().__init__(data)
        self.language = language
        self.catalogue = question_catalogue()
        questions = {}
        for question in self.catalogue.values():
            section = question.section.title_in(language)
            questions.setdefault(section, []).append((question.code, question.text_in(language)))
        self.fields["question"].choices = [
            (REPORTING, _("Reporting rates")),
            *questions.items(),
        ]
        self.fields["cycle"].choices = [
            (cycle.code, f"{cycle.code} · {cycle.label} ({cycle.year})")
            for cycle in ReportingCycle.objects.order_by("-year", "-code")
        ]
        self.fields["cycle"].initial = default_cycle.code if default_cycle else ""
        names = Region.objects.names(language)
        regions = Region.objects.source().filter(level__lte=Region.Level.SUB_REGION)
        self.fields["region"].choices = [
            ("", _("The world")),
            *[
                (region.code, ("— " if region.level > 1 else "") + names.get(region.code, ""))
                for region in regions.order_by("code")
            ],
        ]

    def choice(self, name):
        value = self.cleaned_data.get(name) if self.is_bound and self.is_valid() else ""
        return value or self.fields[name].initial or ""

    @property
    def chosen_question(self):
        code = self.choice("question")
        return self.catalogue.get(code) if code and code != REPORTING else None

    @property
    def chosen_cycle(self):
        return ReportingCycle.objects.filter(code=self.choice("cycle")).first()

    @property
    def chosen_scope(self):
        return Scope(region=self.choice("region"), group=self.choice("group"))

    @property
    def chosen_instrument(self):
        return self.choice("instrument")
