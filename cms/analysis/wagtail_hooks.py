from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_analysis_url():
    return [path("analysis/", views.analysis_screen, name="analysis_screen")]


@hooks.register("register_reports_menu_item")
def register_analysis_menu_item():
    return MenuItem(
        _("Analysis of national reports"),
        reverse("analysis_screen"),
        name="analysis",
        icon_name="table",
        order=9000,
    )
