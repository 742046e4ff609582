"""The admin's user forms, with the PoA-ISS profile: who the user speaks for, and in which language.

Wagtail builds its user screens from a viewset named by the `wagtailusers` app config
(`user_viewset`); `cms.editorial.apps.UsersConfig` points it at `UserViewSet` below.
"""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from cms.accounts.models import UserProfile
from cms.core.languages import source_language
from cms.core.states import limit_to_reporting_states, named_in_language

PROFILE_FIELDS = ("country", "organisation", "preferred_language")


class ProfileFieldsMixin(forms.Form):
    """Adds the UserProfile fields to Wagtail's user forms and saves them with the user."""

    country = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Country represented"),
        help_text=_("National points of contact act for this country only."),
    )
    organisation = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Organisation represented"),
        help_text=_("Donors and fund managers act for this organisation."),
    )
    preferred_language = forms.ChoiceField(
        choices=settings.LANGUAGES,
        initial=source_language,
        label=_("Preferred language"),
        help_text=_("Language of e-mails and certificates."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from cms.core.models import Country, Organisation

        # One choice per term: the source-language rows (terms are compared by code), named
        # and sorted in the admin user's language. Only a reporting State has points of contact.
        limit_to_reporting_states(self.fields["country"], Country.objects.source())
        self.fields["organisation"].queryset = Organisation.objects.source()
        named_in_language(self.fields["organisation"])
        profile = self.existing_profile()
        if profile is not None:
            for name in PROFILE_FIELDS:
                self.initial.setdefault(name, getattr(profile, name))

    def existing_profile(self):
        if self.instance.pk is None:
            return None
        return UserProfile.objects.filter(user=self.instance).first()

    @transaction.atomic
    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            self.save_profile(user)
        return user

    def save_profile(self, user):
        UserProfile.objects.update_or_create(
            user=user, defaults={name: self.cleaned_data.get(name) for name in PROFILE_FIELDS}
        )


class ProfileUserCreationForm(ProfileFieldsMixin, UserCreationForm):
    pass


class ProfileUserEditForm(ProfileFieldsMixin, UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    create_template_name = "editorial/users/create.html"
    edit_template_name = "editorial/users/edit.html"

    def get_form_class(self, for_update=False):
        return ProfileUserEditForm if for_update else ProfileUserCreationForm
