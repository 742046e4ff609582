"""Admin: the secretariat keeps the clause checklists (*MOSAIC clauses* in the menu)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from cms.accounts import roles

from .models import Clause


class SecretariatOnly(ModelPermissionPolicy):
    """Only the secretariat (and superusers) list, add, change and delete clauses."""

    def user_has_permission(self, user, action):
        return roles.is_secretariat(user)

    def user_has_any_permission(self, user, actions):
        return roles.is_secretariat(user)


class ClauseViewSet(ModelViewSet):
    model = Clause
    icon = "list-ul"
    menu_label = _("MOSAIC clauses")
    add_to_admin_menu = True
    menu_order = 420
    permission_policy = SecretariatOnly(Clause)
    list_display = ["module", "number", "text", "theme"]
    list_filter = ["module"]
    search_fields = ["text", "number"]
    form_fields = ["module", "number", "theme", "text", "translations", "sort_order"]


@hooks.register("register_admin_viewset")
def register_clause_viewset():
    return ClauseViewSet("mosaic_clauses")
