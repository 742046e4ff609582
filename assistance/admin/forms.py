"""Admin forms: taxonomy choices in the source language only (one row per term), and the
choices a national point of contact or a donor may make, limited here and so validated
server-side (a choice outside the queryset is refused)."""

from django.db import models
from wagtail.admin.forms import WagtailAdminModelForm

from cms.accounts import roles
from cms.core.models import Country, Organisation
from cms.core.models.taxonomy import TaxonomyTerm
from cms.core.states import limit_to_reporting_states

from .. import permissions as rules


class AssistanceAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if isinstance(queryset, models.QuerySet) and issubclass(queryset.model, TaxonomyTerm):
                field.queryset = queryset.model.objects.source()

    @property
    def acts_for_the_secretariat(self):
        return self.for_user is None or roles.is_secretariat(self.for_user)


class NeedAdminForm(AssistanceAdminForm):
    """A national point of contact writes needs of its own country, in the steps it may take."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = Country.objects.source()
        if not self.acts_for_the_secretariat:
            countries = countries.filter(code=roles.represented_country_code(self.for_user))
        if "country" in self.fields:
            # Only a reporting State states needs; named and sorted in the user's language.
            limit_to_reporting_states(self.fields["country"], countries)
        if self.acts_for_the_secretariat:
            return
        if "country" in self.fields:
            self.fields["country"].empty_label = None
        if "status" in self.fields:
            allowed = rules.npc_status_choices(self.for_user, self.instance)
            self.fields["status"].choices = [
                (value, label) for value, label in self.fields["status"].choices if value in allowed
            ]


class ResourceAdminForm(AssistanceAdminForm):
    """A donor describes its own organisation's resources."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.acts_for_the_secretariat:
            return
        organisation = roles.represented_organisation_code(self.for_user)
        if "provider" in self.fields:
            field = self.fields["provider"]
            field.queryset = Organisation.objects.source().filter(code=organisation)
            field.required, field.empty_label = True, None
