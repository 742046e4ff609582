"""Who may see and change a MOSAIC self-assessment.

- A State's assessments are made by its national point of contact, or by a national user it
  delegates (group "MOSAIC national assessors", with the State in the user's profile), and by
  the secretariat.
- An assessment is private to its State and the secretariat until the State shares it; a
  shared assessment may be read by anyone (donors and the public included), never changed.
"""

from django.db.models import Q

from cms.accounts import roles

from .models import Assessment

NATIONAL_ASSESSORS = "MOSAIC national assessors"


def is_national_assessor(user):
    return roles.in_group(user, NATIONAL_ASSESSORS)


def assessing_country(user):
    """The State a user may assess for (its NPC or a delegated national user), or None."""
    if roles.is_national_point_of_contact(user) or is_national_assessor(user):
        return roles.represented_country_code(user)
    return None


def can_create(user):
    return roles.is_secretariat(user) or assessing_country(user) is not None


def can_assess_for(user, country_code):
    if roles.is_secretariat(user):
        return True
    return country_code is not None and assessing_country(user) == country_code


def visible_assessments(user, queryset=None):
    queryset = Assessment.objects.all() if queryset is None else queryset
    if roles.is_secretariat(user):
        return queryset
    visible = Q(shared=True)
    country = assessing_country(user)
    if country:
        visible |= Q(country__code=country)
    return queryset.filter(visible)


def can_edit(user, assessment):
    return can_assess_for(user, assessment.country.code)
