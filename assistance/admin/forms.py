"""Admin forms: taxonomy choices once per term, in the user's language, with a search box;
translations as a field per language; and the choices a national point of contact or a donor
may make, limited here and so validated server-side (a choice outside the queryset is refused,
saying why)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from cms.accounts import roles
from cms.core.choices import TermChoicesMixin, only_choice
from cms.core.models import Country, Organisation
from cms.core.models.taxonomy import CountryGroup
from cms.core.states import active_language, limit_to_reporting_states
from cms.core.translation_fields import TranslationsField, original_language_not_translated

from .. import permissions as rules
from ..models import Match

TEXT_LABELS = {"title": gettext_lazy("Title"), "description": gettext_lazy("Description")}


class AssistanceAdminForm(TermChoicesMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "translations" in self.fields:
            original = self.initial.get("original_language") or self.instance.original_language
            field = TranslationsField(
                texts=list(self.instance.TRANSLATED_FIELDS),
                exclude=[original],
                labels=TEXT_LABELS,
                multiline=("description",),
                label=self.fields["translations"].label,
                help_text=_("The title and description in the other UN languages, if any."),
            )
            self.fields["translations"] = field

    def clean(self):
        cleaned_data = super().clean()
        if "translations" in self.fields and "original_language" in self.fields:
            original_language_not_translated(self)
        return cleaned_data

    @property
    def acts_for_the_secretariat(self):
        return self.for_user is None or roles.is_secretariat(self.for_user)


def term_name(model, code):
    return model.objects.names(active_language(), [code]).get(code, code or "")


class NeedAdminForm(AssistanceAdminForm):
    """A national point of contact writes needs of its own country, in the steps it may take."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = Country.objects.source()
        if "country" in self.fields:
            # Only a reporting State states needs; named and sorted in the user's language.
            limit_to_reporting_states(self.fields["country"], countries)
        if self.acts_for_the_secretariat:
            return
        if "country" in self.fields:
            code = roles.represented_country_code(self.for_user)
            own = Country.objects.source().reporting_states().filter(code=code).first()
            message = _("You can state needs only for %(country)s, the State you represent.") % {
                "country": term_name(Country, code)
            }
            only_choice(self.fields["country"], own, message)
        if "status" in self.fields:
            allowed = rules.npc_status_choices(self.for_user, self.instance)
            self.fields["status"].choices = [
                (value, label) for value, label in self.fields["status"].choices if value in allowed
            ]


class ResourceAdminForm(AssistanceAdminForm):
    """A donor describes its own organisation's resources."""

    eligible_groups = forms.MultipleChoiceField(
        label=gettext_lazy("eligible country groups"),
        choices=CountryGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.acts_for_the_secretariat:
            return
        code = roles.represented_organisation_code(self.for_user)
        if "provider" in self.fields:
            field = self.fields["provider"]
            field.queryset = Organisation.objects.source()
            field.required = True
            own = Organisation.objects.source().filter(code=code).first()
            message = _(
                "You can describe resources only for %(organisation)s, the organisation you "
                "represent."
            ) % {"organisation": term_name(Organisation, code)}
            only_choice(field, own, message)


class MatchDecisionForm(forms.Form):
    """A decision on a match: it starts empty and must be chosen; declining needs a reason.

    The secretariat chooses among the steps the match may take; a provider accepts or
    declines, with feedback (the reason, when it declines).
    """

    status = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose a decision.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Feedback (the reason, to decline)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, for_provider=False, steps=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Match.Status.choices)
        if for_provider:
            choices = [
                (Match.Status.AGREED, gettext_lazy("Accept")),
                (Match.Status.DECLINED, gettext_lazy("Decline")),
            ]
        else:
            self.fields["status"].widget = forms.Select()
            self.fields["reason"].label = gettext_lazy("Reason (required to decline)")
            choices = [("", "---------")] + [(step, labels[step]) for step in steps or ()]
        self.fields["status"].choices = choices

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == Match.Status.DECLINED and not cleaned_data.get("reason"):
            self.add_error("reason", _("Say why the match is declined."))
        return cleaned_data
