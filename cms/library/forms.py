from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from cms.core.models import Country
from cms.core.states import limit_to_reporting_states

from .permissions import limited_to_country, own_country_only


class NationalReportForm(WagtailAdminPageForm):
    """Countries in the page's language; a point of contact sees only their own, and a report
    posted for another State is refused on its country, naming the State they file for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("country")
        if field is None:
            return
        # The page points at the country's row in its own locale; the choices name each State
        # once, in the language of the person filling the form.
        if self.instance.locale_id:
            countries = Country.objects.filter(locale_id=self.instance.locale_id)
        else:
            countries = Country.objects.source()
        limit = limited_to_country(self.for_user)
        if limit is not None:
            countries = countries.filter(code=limit)
            field.help_text = _("You submit reports for the country you represent.")
        limit_to_reporting_states(field, countries)
        if limit:
            # The State they file for is preselected and the only choice.
            field.error_messages["invalid_choice"] = own_country_only(self.for_user)
            field.empty_label = None
            own = field.queryset.first()
            if own is not None and not self.initial.get("country"):
                self.initial["country"] = own.pk

    def clean(self):
        cleaned_data = super().clean()
        cycle = cleaned_data.get("cycle")
        if cycle is not None:
            from .reports import closed_cycle_refusal

            creating = self.instance.pk is None
            stored = self.instance.cycle if self.instance.cycle_id else None
            refusal = closed_cycle_refusal(self.for_user, [stored, cycle], creating)
            if refusal:
                self.add_error("cycle", refusal)
        return cleaned_data
