"""Which translations of the served objects exist, to link to each of them.

The fallback itself (`with_fallback`) is the kernel's: `cms.core.languages`.
"""

from wagtail.models import Page

from cms.core.languages import locale_by_id


def page_translations(pages, is_visible, fields=()):
    """Map translation_key -> [(language code, page)] of the pages `is_visible` lets through.

    One query on the indexed translation key; visibility is decided in Python by the caller,
    which spares the database the page tree conditions.
    """
    keys = {page.translation_key for page in pages}
    found = {}
    if not keys:
        return found
    rows = (
        Page.objects.filter(translation_key__in=keys)
        .only("pk", "translation_key", "locale_id", "live", "path", *fields)
        .order_by()
    )
    visible = []
    for row in rows:
        if is_visible(row):
            row.locale = locale_by_id(row.locale_id)
            visible.append(row)
    visible.sort(key=lambda row: row.locale.language_code)
    for row in visible:
        found.setdefault(row.translation_key, []).append((row.locale.language_code, row))
    return found


def available_translations(visible, objects, fields=()):
    """Map translation_key -> [(language code, object)] among `visible`, in one query.

    Only the key, the locale and `fields` are loaded: enough to link to each translation.
    """
    keys = {obj.translation_key for obj in objects}
    found = {}
    if not keys:
        return found
    rows = (
        visible.filter(translation_key__in=keys)
        .select_related(None)
        .select_related("locale")
        .only("pk", "translation_key", "locale__language_code", *fields)
        .order_by("locale__language_code")
    )
    for row in rows:
        found.setdefault(row.translation_key, []).append((row.locale.language_code, row))
    return found
