"""The suite's roles: Django groups created by migration, and who a user speaks for.

Group names are stable identifiers used by permissions, workflows and the API; their
display is translated in the admin through `ROLE_LABELS`.
"""

from django.utils.translation import gettext_lazy as _

from cms.core.languages import UN_LANGUAGE_CODES

REVIEWERS = "Reviewers"
PUBLISHERS = "Publishers"
NATIONAL_POINTS_OF_CONTACT = "National points of contact"
SECRETARIAT = "Secretariat"
DONORS = "Donors"
EDITORS_PREFIX = "Editors"
LANGUAGE_REVIEWERS_PREFIX = "Language reviewers"

ROLE_LABELS = {
    REVIEWERS: _("Reviewers"),
    PUBLISHERS: _("Publishers"),
    NATIONAL_POINTS_OF_CONTACT: _("National points of contact"),
    SECRETARIAT: _("Secretariat"),
    DONORS: _("Donors"),
    EDITORS_PREFIX: _("Editors"),
    LANGUAGE_REVIEWERS_PREFIX: _("Language reviewers"),
}


def editors_group_name(language_code):
    return f"{EDITORS_PREFIX} ({language_code})"


def language_reviewers_group_name(language_code):
    return f"{LANGUAGE_REVIEWERS_PREFIX} ({language_code})"


def all_group_names():
    names = [REVIEWERS, PUBLISHERS, NATIONAL_POINTS_OF_CONTACT, SECRETARIAT, DONORS]
    for code in UN_LANGUAGE_CODES:
        names += [editors_group_name(code), language_reviewers_group_name(code)]
    return names


def in_group(user, name):
    if not user or not user.is_authenticated:
        return False
    return user.groups.filter(name=name).exists()


def is_secretariat(user):
    """Superusers act as the secretariat everywhere."""
    return bool(
        user and user.is_authenticated and (user.is_superuser or in_group(user, SECRETARIAT))
    )


def is_national_point_of_contact(user):
    return in_group(user, NATIONAL_POINTS_OF_CONTACT)


def is_donor(user):
    return in_group(user, DONORS)


def represented_country_code(user):
    """ISO alpha-2 code of the State a user speaks for, or None.

    Only a reporting State (a UN Member State or non-member observer State) is spoken for: a
    profile that names a territory speaks for no country.
    """
    profile = getattr(user, "poaiss_profile", None) if user and user.is_authenticated else None
    if not profile or not profile.country_id or not profile.country.is_reporting_state:
        return None
    return profile.country.code


def represented_organisation_code(user):
    """Code of the organisation a user speaks for (a donor, a fund), or None."""
    profile = getattr(user, "poaiss_profile", None) if user and user.is_authenticated else None
    return profile.organisation.code if profile and profile.organisation_id else None
