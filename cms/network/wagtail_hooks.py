from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from cms.core.choices import TermChoicesMixin
from cms.core.languages import LANGUAGE_CHOICES
from cms.core.models import Country
from cms.core.states import limit_to_reporting_states

from . import views
from .access import can_moderate
from .models import MemberProfile, PointOfContact


class MemberProfileForm(TermChoicesMixin, WagtailAdminModelForm):
    """The member's country and expertise once per term, in the user's language, with a
    search box; the languages they work in as boxes to tick, not a JSON list."""

    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class MemberProfileViewSet(ModelViewSet):
    model = MemberProfile
    name = "network_members"
    icon = "user"
    menu_label = _("Members")
    list_display = ["display_name", "role", "country", "status", "joined_at"]
    list_filter = ["status", "role"]
    search_fields = ["display_name", "organisation", "user__username", "user__email"]
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "status",
                "display_name",
                "role",
                "instrument",
                "country",
                "organisation",
                "languages",
                "expertise",
                "application_note",
                "instant_notifications",
                "digest",
                "approved_posts",
            )
        ],
        base_form_class=MemberProfileForm,
    )


class PointOfContactForm(WagtailAdminModelForm):
    """The directory is kept by State: the country is one of the reporting States, each
    listed once, named and sorted in the user's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "country" in self.fields:
            limit_to_reporting_states(self.fields["country"], Country.objects.source())


class PointOfContactViewSet(ModelViewSet):
    model = PointOfContact
    name = "network_contacts"
    icon = "group"
    menu_label = _("Points of contact")
    list_display = ["name", "organisation", "country", "instrument", "scope"]
    list_filter = ["instrument", "scope"]
    search_fields = ["name", "organisation", "role_title"]
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "country",
                "instrument",
                "scope",
                "name",
                "organisation",
                "role_title",
                "email",
                "telephone",
            )
        ],
        base_form_class=PointOfContactForm,
    )


class NetworkViewSetGroup(ViewSetGroup):
    menu_label = _("Advisory Network")
    menu_icon = "group"
    items = (MemberProfileViewSet, PointOfContactViewSet)


@hooks.register("register_admin_viewset")
def register_network_viewsets():
    return NetworkViewSetGroup()


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("network/moderation/", views.queue, name="network_moderation"),
        path(
            "network/moderation/<int:post_id>/<slug:action>/",
            views.act,
            name="network_moderation_act",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Network moderation"), reverse("network_moderation"), icon_name="warning", order=900
    )
