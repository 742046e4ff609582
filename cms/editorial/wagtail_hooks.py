from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import urls
from .reports import TranslationStatusMenuItem


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("editorial/", include(urls, namespace="editorial"))]


@hooks.register("register_reports_menu_item")
def register_translation_status_report():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("editorial:translation_status"),
        name="translation-status",
        icon_name="site",
        order=9100,
    )
