"""Navigation menus, one per place and language, edited as translatable snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        required=False,
        max_length=80,
        label=_("Label"),
        help_text=_("Leave empty to show the page's title."),
    )

    class Meta:
        icon = "doc-empty"
        label = _("Page link")


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Address"))
    label = blocks.CharBlock(max_length=80, label=_("Label"))

    class Meta:
        icon = "link"
        label = _("External link")


class NavigationMenu(TranslatableMixin, models.Model):
    """The links of one menu; wagtail-localize turns each page link into the translated page.

    A StreamField keeps the links ordered and lets wagtail-localize translate labels as
    segments, with no child model to keep in step across locales.
    """

    class Place(models.TextChoices):
        MAIN = "main", _("Main menu")
        FOOTER = "footer", _("Footer")

    place = models.CharField(_("place"), max_length=20, choices=Place.choices)
    links = StreamField(
        [("page", PageLinkBlock()), ("external", ExternalLinkBlock())],
        blank=True,
        verbose_name=_("links"),
    )

    panels = [FieldPanel("place"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        constraints = [
            models.UniqueConstraint(fields=["place", "locale"], name="website_one_menu_per_place")
        ]

    def __str__(self):
        return f"{self.get_place_display()} ({self.locale.get_display_name()})"

    @classmethod
    def for_place(cls, place, locale=None):
        """The menu of `place` in `locale` (the active one), else in the default locale."""
        locale = locale or Locale.get_active()
        menus = {
            menu.locale_id: menu
            for menu in cls.objects.filter(
                place=place, locale_id__in={locale.pk, Locale.get_default().pk}
            )
        }
        return menus.get(locale.pk) or menus.get(Locale.get_default().pk)

    def items(self, locale=None):
        """(label, url) of the links a visitor may follow: live, public pages only.

        A page link shows the page's translation in `locale` (the active one) when that is
        live, so a link left untranslated still leads to the visitor's language.
        """
        locale = locale or Locale.get_active()
        linked = [block.value["page"] for block in self.links if block.block_type == "page"]
        visible = {
            (page.translation_key, page.locale_id): page
            for page in Page.objects.live()
            .public()
            .filter(translation_key__in={page.translation_key for page in linked if page})
        }
        items = []
        for block in self.links:
            if block.block_type == "external":
                items.append((block.value["label"], block.value["url"]))
                continue
            page = block.value["page"]
            if page is None or (page.translation_key, page.locale_id) not in visible:
                continue
            shown = visible.get((page.translation_key, locale.pk)) or page
            items.append((block.value["label"] or shown.title, shown.url))
        return items
