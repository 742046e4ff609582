"""Demo content built from the seed documents, in the six UN languages.

The English pages are described in `data/demo/pages.yaml`. The other five languages go
through wagtail-localize exactly as an editor's work would: each page becomes a
translation source, its segments are exported as a PO file, filled from the translation
catalogue `data/demo/translations/<language>.po`, imported and published. Segments the
catalogue lacks stay in English (wagtail-localize's fallback) and are counted.

These pages are the core's part of `manage.py load_demo`; each other app loads its own
demo content through its AppConfig's `demo_loader`, once the pages exist.
"""

import html
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import polib
import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from blocks import demo as blocks_demo

from .languages import UN_LANGUAGE_CODES
from .models import HomePage

DEMO_DIR = Path(__file__).parent / "data" / "demo"
PAGES_FILE = DEMO_DIR / "pages.yaml"
CATALOGUE_DIR = DEMO_DIR / "translations"
TOOL_NAME = "PoA-ISS demo catalogue"
# The bundled pages and catalogues are written in English, whatever the deployment's
# source language: the other languages are translated from it.
DEMO_LANGUAGE = "en"


@dataclass
class DemoSummary:
    pages_created: int = 0
    translations_created: dict = field(default_factory=dict)
    segments: dict = field(default_factory=dict)  # language -> [translated, total]


def body_stream(items):
    """Turn the YAML body items into StreamField data (other block types: blocks.demo)."""
    stream = []
    for item in items or []:
        ((kind, text),) = item.items()
        if kind == "heading":
            stream.append(("heading", {"text": text, "level": "h2"}))
        elif kind == "subheading":
            stream.append(("heading", {"text": text, "level": "h3"}))
        elif kind == "paragraph":
            stream.append(("paragraph", f"<p>{html.escape(text, quote=False)}</p>"))
        else:
            try:
                stream.append(blocks_demo.stream_item(kind, text))
            except ValueError as error:
                raise ValueError(f"{PAGES_FILE.name}: {error}") from error
    return stream


def page_from_spec(spec, locale):
    model = apps.get_model(spec["type"])
    page = model(title=spec["title"], slug=spec["slug"], locale=locale)
    for name in ("intro", "summary", "meeting"):
        if name in spec:
            setattr(page, name, spec[name])
    if "body" in spec:
        page.body = body_stream(spec["body"])
    if "symbols" in spec:
        page.symbols = [related(page, "symbols", symbol=symbol) for symbol in spec["symbols"]]
    if spec["type"] == "library.BestPracticePage":
        add_best_practice_references(page, spec, locale)
    return page


def related(page, relation, **values):
    """A new row of one of the page's child relations (the page types are the apps')."""
    return page._meta.get_field(relation).related_model(**values)


def add_best_practice_references(page, spec, locale):
    from cms.core.models import MosaicModule, Organisation, ThematicArea

    page.thematic_areas = [
        related(page, "thematic_areas", theme=ThematicArea.objects.get(code=code, locale=locale))
        for code in spec.get("themes", [])
    ]
    page.mosaic_modules = [
        related(page, "mosaic_modules", module=MosaicModule.objects.get(code=code, locale=locale))
        for code in spec.get("mosaic_modules", [])
    ]
    if "source_organisation" in spec:
        page.source_organisation = Organisation.objects.get(
            code=spec["source_organisation"], locale=locale
        )


def load_catalogue(language):
    path = CATALOGUE_DIR / f"{language}.po"
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


class DemoBuilder:
    def __init__(self):
        self.locales = {code: Locale.objects.get(language_code=code) for code in UN_LANGUAGE_CODES}
        self.source_locale = self.locales[DEMO_LANGUAGE]
        self.summary = DemoSummary()
        self.source_pages = []

    @transaction.atomic
    def build(self):
        spec = yaml.safe_load(PAGES_FILE.read_text(encoding="utf-8"))
        home = self.ensure_home(spec)
        self.ensure_children(home, spec.get("children", []))
        # A database loaded by an earlier version may hold stale counts already.
        Page.fix_tree()
        self.translate_all()
        return self.summary

    def publish(self, page):
        page.save_revision().publish()

    def ensure_home(self, spec):
        # Wagtail's placeholder welcome page gives way to the real home page.
        placeholders = list(
            Page.objects.filter(
                depth=2, content_type__app_label="wagtailcore", content_type__model="page"
            )
        )
        for placeholder in placeholders:
            Page.objects.filter(pk=placeholder.pk).update(slug=f"placeholder-{placeholder.pk}")
        home = HomePage.objects.filter(locale=self.source_locale, depth=2).first()
        if home is None:
            home = page_from_spec(spec, self.source_locale)
            Page.get_first_root_node().add_child(instance=home)
            self.publish(home)
            self.summary.pages_created += 1
        self.point_default_site_to(home)
        for placeholder in placeholders:
            placeholder.refresh_from_db()
            placeholder.delete()
        self.source_pages.append(home)
        return home

    def point_default_site_to(self, home):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        wanted = {
            "hostname": address.hostname,
            "port": address.port or (443 if address.scheme == "https" else 80),
            "root_page_id": home.pk,
            "site_name": "PoA-ISS",
        }
        if site.pk is None or any(getattr(site, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()

    def ensure_children(self, parent, specs):
        for spec in specs:
            page = parent.get_children().filter(slug=spec["slug"]).specific().first()
            if page is None:
                page = page_from_spec(spec, self.source_locale)
                parent.add_child(instance=page)
                self.publish(page)
                self.summary.pages_created += 1
            self.source_pages.append(page)
            self.ensure_children(page, spec.get("children", []))

    def translate_all(self):
        for language in UN_LANGUAGE_CODES:
            if language == DEMO_LANGUAGE:
                continue
            catalogue = load_catalogue(language)
            locale = self.locales[language]
            counts = self.summary.segments.setdefault(language, [0, 0])
            for page in self.source_pages:
                if page.get_translation_or_none(locale) is not None:
                    continue
                source, _created = TranslationSource.get_or_create_from_instance(page)
                translation, _created = Translation.objects.get_or_create(
                    source=source, target_locale=locale
                )
                po = translation.export_po()
                for entry in po:
                    entry.msgstr = catalogue.get(entry.msgid, "")
                    counts[0] += bool(entry.msgstr)
                    counts[1] += 1
                translation.import_po(po, tool_name=TOOL_NAME)
                translation.save_target(publish=True)
                self.summary.translations_created[language] = (
                    self.summary.translations_created.get(language, 0) + 1
                )


def build_demo_pages():
    return DemoBuilder().build()


def load(stdout=None):
    """The core's demo loader: the home and section pages in the six languages."""
    pages = build_demo_pages()
    if stdout is not None:
        stdout.write(f"pages: {pages.pages_created} created")
        for language, (translated, total) in pages.segments.items():
            created = pages.translations_created.get(language, 0)
            stdout.write(
                f"{language}: {created} pages translated, "
                f"{translated}/{total} segments from the catalogue"
            )
    return pages


def update_catalogues():
    """Add every English segment of the demo pages to the five translation catalogues.

    Existing translations are kept; run it after changing pages.yaml, then translate the
    empty entries.
    """
    msgids = []
    locale = Locale.objects.get(language_code=DEMO_LANGUAGE)
    for page in Page.objects.filter(locale=locale, depth__gte=2).specific():
        source, _created = TranslationSource.get_or_create_from_instance(page)
        for segment in source.stringsegment_set.select_related("string").order_by("order"):
            if segment.string.data not in msgids:
                msgids.append(segment.string.data)
    CATALOGUE_DIR.mkdir(parents=True, exist_ok=True)
    for language in UN_LANGUAGE_CODES:
        if language == DEMO_LANGUAGE:
            continue
        known = load_catalogue(language)
        po = polib.POFile(wrapwidth=100)
        po.metadata = {
            "Project-Id-Version": "PoA-ISS demo content",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Transfer-Encoding": "8bit",
        }
        for msgid in msgids:
            po.append(polib.POEntry(msgid=msgid, msgstr=known.get(msgid, "")))
        po.save(str(CATALOGUE_DIR / f"{language}.po"))
    return len(msgids)


def ensure_demo_admin(stdout):
    """Create the demo superuser `admin` once; print the password when it is generated."""
    User = get_user_model()
    if User.objects.filter(username="admin").exists():
        stdout.write("Demo superuser 'admin' already exists.")
        return
    password = os.environ.get("DEMO_ADMIN_PASSWORD")
    generated = not password
    if generated:
        password = secrets.token_urlsafe(12)
    User.objects.create_superuser("admin", "admin@poa-iss.localhost", password)
    if generated:
        stdout.write(f"Created demo superuser 'admin' with the generated password: {password}")
    else:
        stdout.write("Created demo superuser 'admin' with the password from DEMO_ADMIN_PASSWORD.")


def save_if_changed(instance):
    """Save a demo row only when it is new or differs from the stored row, so that loading
    the demo again changes nothing: no new timestamps, no rematching, no re-indexing.

    Returns whether the row was saved. Fields set on save (`auto_now`) are not compared.
    """
    names = [
        field.attname
        for field in instance._meta.concrete_fields
        if not field.primary_key and not getattr(field, "auto_now", False)
    ]
    stored = None
    if instance.pk is not None:
        stored = type(instance)._default_manager.filter(pk=instance.pk).values(*names).first()
    if stored is not None and all(stored[name] == getattr(instance, name) for name in names):
        return False
    instance.save()
    return True
