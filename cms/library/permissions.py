"""Who may handle which national report.

A report belongs to its State's national points of contact and to the secretariat: they
write it (edit, submit, delete, move, copy, lock). Reviewers and publishers act on it through
the review workflow; editors of the site's content, whatever their language, do not write
reports. Page permissions (granted on the reports index pages) say what a user may do in the
reports section at all; these testers narrow that to the country a point of contact
represents. Secretariat members and superusers are not limited by country.
"""

from django.utils.translation import gettext as _
from wagtail.models import PagePermissionTester

from cms.accounts.roles import (
    is_national_point_of_contact,
    is_secretariat,
    represented_country_code,
)
from cms.core.models import Country
from cms.core.states import active_language

# A point of contact whose profile names no country may handle no report at all.
NO_COUNTRY = ""


def limited_to_country(user):
    """The country code a user is limited to, NO_COUNTRY, or None when not limited."""
    if not user or not user.is_authenticated or is_secretariat(user):
        return None
    if is_national_point_of_contact(user):
        return represented_country_code(user) or NO_COUNTRY
    return None


def may_handle_country(user, country_code):
    limit = limited_to_country(user)
    return limit is None or (limit != NO_COUNTRY and limit == country_code)


def may_add_reports(user):
    """Whether the user may add national reports at all, in some language.

    Those who may not are refused before anything they sent is read; those who may are told
    what is wrong with it (another State, a closed cycle) field by field.
    """
    from .models import NationalReportIndexPage

    return any(
        index.permissions_for_user(user).can_add_subpage()
        for index in NationalReportIndexPage.objects.all()
    )


def own_country_only(user):
    """The refusal of another State's report, naming the State the user files for."""
    code = limited_to_country(user)
    name = Country.objects.names(active_language(), [code]).get(code, code)
    return _("You can file reports only for %(country)s, the State you represent.") % {
        "country": name
    }


def may_write_report(user, country_code):
    """Only the State's own points of contact and the secretariat write its report."""
    if is_secretariat(user):
        return True
    return is_national_point_of_contact(user) and may_handle_country(user, country_code)


class ReportPermissionTester(PagePermissionTester):
    """A report of another country is out of bounds for a national point of contact, and only
    its points of contact and the secretariat write it."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.country_allowed = may_handle_country(user, page.country.code)
        self.writer = may_write_report(user, page.country.code)

    def _when(condition):  # noqa: N805 - a decorator factory used in the class body
        def decorate(name):
            def method(self, *args, **kwargs):
                return getattr(self, condition) and getattr(PagePermissionTester, name)(
                    self, *args, **kwargs
                )

            method.__name__ = name
            return method

        return decorate

    _written = _when("writer")
    _handled = _when("country_allowed")

    can_submit_for_moderation = _written("can_submit_for_moderation")
    can_lock = _written("can_lock")
    can_unlock = _written("can_unlock")
    can_move = _written("can_move")
    can_move_to = _written("can_move_to")
    can_copy = _written("can_copy")
    can_copy_to = _written("can_copy_to")
    can_set_view_restrictions = _written("can_set_view_restrictions")
    can_unschedule = _written("can_unschedule")

    def may_write(self):
        """Whether the user writes this report, locked or not (a lock is a state, not a right)."""
        return self.writer and PagePermissionTester.can_edit(self)

    def can_edit(self):
        """A submitted report is locked until the secretariat reopens it."""
        return self.may_write() and not self.locked

    def can_delete(self, *args, **kwargs):
        return (
            self.writer
            and not self.locked
            and PagePermissionTester.can_delete(self, *args, **kwargs)
        )

    @property
    def locked(self):
        if not hasattr(self, "_locked"):
            from .questionnaire.filing import is_locked

            self._locked = is_locked(self.page)
        return self._locked

    can_publish = _handled("can_publish")
    can_unpublish = _handled("can_unpublish")
    can_view_revisions = _handled("can_view_revisions")
    del _when, _written, _handled


class ReportIndexPermissionTester(PagePermissionTester):
    """Points of contact add reports to the index; they do not change the index itself."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.limited = limited_to_country(user) is not None

    def _unless_limited(name):  # noqa: N805 - a decorator factory used in the class body
        def method(self, *args, **kwargs):
            return not self.limited and getattr(PagePermissionTester, name)(self, *args, **kwargs)

        method.__name__ = name
        return method

    can_edit = _unless_limited("can_edit")
    can_delete = _unless_limited("can_delete")
    can_publish = _unless_limited("can_publish")
    can_unpublish = _unless_limited("can_unpublish")
    can_lock = _unless_limited("can_lock")
    can_move = _unless_limited("can_move")
    can_copy = _unless_limited("can_copy")
    can_publish_subpage = _unless_limited("can_publish_subpage")
    can_reorder_children = _unless_limited("can_reorder_children")
    can_set_view_restrictions = _unless_limited("can_set_view_restrictions")
    del _unless_limited
