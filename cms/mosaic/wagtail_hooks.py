"""Admin: the secretariat keeps the clause checklists (*MOSAIC clauses* in the menu)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from cms.accounts import roles
from cms.core.choices import TermChoicesMixin
from cms.core.languages import source_language
from cms.core.translation_fields import TranslationsField

from .models import Clause


class SecretariatOnly(ModelPermissionPolicy):
    """Only the secretariat (and superusers) list, add, change and delete clauses."""

    def user_has_permission(self, user, action):
        return roles.is_secretariat(user)

    def user_has_any_permission(self, user, actions):
        return roles.is_secretariat(user)


class ClauseForm(TermChoicesMixin, WagtailAdminModelForm):
    """Module and theme once per term, in the user's language; the requirement's
    translations as a text box per language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "translations" in self.fields:
            self.fields["translations"] = TranslationsField(
                exclude=[source_language()],
                label=self.fields["translations"].label,
                help_text=_("The requirement in the other UN languages, if any."),
            )


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
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in ("module", "number", "theme", "text", "translations", "sort_order")
        ],
        base_form_class=ClauseForm,
    )


@hooks.register("register_admin_viewset")
def register_clause_viewset():
    return ClauseViewSet("mosaic_clauses")
