"""Which pages lack a translation, or have one older than their source, per locale.

A translation is missing when the locale has no page for the source page, or only an alias
of it (synced trees create aliases until someone translates). It is out of date when the
source page was published again after its text was last synced into wagtail-localize's
`TranslationSource`, or when that sync is newer than the translation's last publication.
Translations made by hand (no wagtail-localize record) are compared by publication dates.
"""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.core.languages import source_locale

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
STATUS_CHOICES = [(MISSING, _("Missing")), (OUT_OF_DATE, _("Out of date"))]
STATUS_LABELS = dict(STATUS_CHOICES)


@dataclass
class TranslationStatus:
    source: Page
    locale: Locale
    status: str
    translated: Page | None = None
    source_changed_at: datetime | None = None
    translated_at: datetime | None = None

    @property
    def pk(self):
        return f"{self.source.pk}-{self.locale.pk}"

    @property
    def source_title(self):
        return self.source.get_admin_display_title()

    @property
    def page_type(self):
        return str(self.source.specific_class._meta.verbose_name)

    @property
    def language(self):
        return self.locale.get_display_name()

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def status_label(self):
        return str(STATUS_LABELS[self.status])

    @property
    def source_edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.source.pk])

    @property
    def action_url(self):
        """Where to act: the translation's editor, or wagtail-localize's "Translate" form."""
        if self.translated is not None and not self.translated.alias_of_id:
            return reverse("wagtailadmin_pages:edit", args=[self.translated.pk])
        return reverse("wagtail_localize:submit_page_translation", args=[self.source.pk])

    @property
    def action_label(self):
        if self.status == MISSING:
            return str(_("Translate"))
        return str(_("Update the translation"))


def translation_statuses(locales=None, content_types=None, statuses=None):
    """Every missing or out-of-date translation, source page by source page."""
    source = source_locale()
    targets = list((locales if locales is not None else Locale.objects.all()).exclude(pk=source.pk))
    pages = Page.objects.filter(locale=source, depth__gt=1).select_related("content_type")
    if content_types:
        pages = pages.filter(content_type__in=content_types)
    pages = list(pages.order_by("path"))
    keys = [page.translation_key for page in pages]

    translated = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=targets).only(
            "id", "translation_key", "locale_id", "alias_of_id", "last_published_at", "title"
        )
    }
    synced_at = dict(
        TranslationSource.objects.filter(object_id__in=keys, locale=source).values_list(
            "object_id", "last_updated_at"
        )
    )
    synced = set(
        Translation.objects.filter(
            source__object_id__in=keys, source__locale=source, target_locale__in=targets
        ).values_list("source__object_id", "target_locale_id")
    )

    rows = []
    for page in pages:
        for locale in targets:
            copy = translated.get((page.translation_key, locale.pk))
            row = TranslationStatus(page, locale, MISSING, translated=copy)
            if copy is not None and not copy.alias_of_id:
                row.translated_at = copy.last_published_at
                row.source_changed_at = page.last_published_at
                if (page.translation_key, locale.pk) in synced:
                    last_sync = synced_at.get(page.translation_key)
                    outdated = _after(page.last_published_at, last_sync) or _after(
                        last_sync, copy.last_published_at
                    )
                else:
                    outdated = _after(page.last_published_at, copy.last_published_at)
                if not outdated:
                    continue
                row.status = OUT_OF_DATE
            if statuses and row.status not in statuses:
                continue
            rows.append(row)
    return rows


def _after(moment, reference):
    """True when `moment` is later than `reference`; a missing reference counts as never."""
    if moment is None:
        return False
    return reference is None or moment > reference


def summarise(rows):
    """Counts per page type and locale: {(page type, language code): {status: count}}."""
    summary = {}
    for row in rows:
        counts = summary.setdefault(
            (row.page_type, row.language_code), {MISSING: 0, OUT_OF_DATE: 0}
        )
        counts[row.status] += 1
    return summary
