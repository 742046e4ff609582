"""The points-of-contact section of a country profile."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.core.plugins import ProfileSection

from .access import can_see_contact_details
from .models import PointOfContact


def contacts_section(country_code, language_code, user):
    """A country's points of contact, national first, labelled in `language_code`.

    Names, organisations and roles are for everyone; e-mail and telephone are included only
    when `user` is a network member or the secretariat.
    """
    contacts = (
        PointOfContact.objects.filter(country__code=(country_code or "").upper())
        .select_related("country")
        .order_by("scope", "instrument", "name", "pk")  # "national" sorts before "regional"
    )
    with_details = can_see_contact_details(user)
    section = []
    with translation.override(language_code):
        for contact in contacts:
            entry = {
                "name": contact.name,
                "organisation": contact.organisation,
                "role_title": contact.role_title,
                "instrument": contact.instrument,
                "instrument_label": str(contact.get_instrument_display()),
                "scope": contact.scope,
                "scope_label": str(contact.get_scope_display()),
            }
            if with_details:
                entry["email"] = contact.email
                entry["telephone"] = contact.telephone
            section.append(entry)
    return section


CONTACTS_SECTION = ProfileSection(
    "contacts", contacts_section, label=_("Points of contact"), order=20
)
