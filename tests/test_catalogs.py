"""The interface catalogs in locale/ are complete, current and compiled, in all six languages."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOG_LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh_Hans"]
SOURCE_DIRECTORIES = ["cms", "blocks", "assistance", "search"]
MAKEMESSAGES_OPTIONS = [
    "--no-obsolete",
    "--no-location",
    "--ignore=.venv",
    "--ignore=var",
    "--ignore=tests",
]

requires_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None and not os.environ.get("CI"),
    reason="GNU gettext is not installed (apt-get install gettext)",
)


def catalog(language, suffix="po"):
    return ROOT / "locale" / language / "LC_MESSAGES" / f"django.{suffix}"


def messages(po):
    return {entry.msgid for entry in po if not entry.obsolete}


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_each_language_has_a_catalog_and_its_compiled_form(language):
    assert catalog(language).is_file()
    assert catalog(language, "mo").is_file()


@requires_gettext
@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_catalogs_pass_msgfmt_check(language):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(catalog(language))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", [code for code in CATALOG_LANGUAGES if code != "en"])
def test_every_string_is_translated(language):
    po = polib.pofile(str(catalog(language)))
    assert po.untranslated_entries() == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert messages(po) == messages(polib.pofile(str(catalog("en"))))


def translated(entry):
    """An entry's translation: its msgstr, or its plural forms in order."""
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return entry.msgstr


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_compiled_catalogs_match_their_sources(language):
    assert catalog(language, "mo").is_file(), "run `make messages` to compile the catalogs"
    po = {
        entry.msgid: translated(entry)
        for entry in polib.pofile(str(catalog(language)))
        if translated(entry)
    }
    mo = {
        entry.msgid: translated(entry)
        for entry in polib.mofile(str(catalog(language, "mo")))
        if entry.msgid
    }
    po.pop("", None)
    assert mo == po, "run `make messages` to recompile the catalogs"


@requires_gettext
def test_catalogs_hold_every_translatable_string_of_the_code(tmp_path):
    for name in SOURCE_DIRECTORIES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", tmp_path)
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", *MAKEMESSAGES_OPTIONS],
        cwd=tmp_path,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "PYTHONPATH": str(tmp_path),
        },
        check=True,
        capture_output=True,
    )
    extracted = messages(polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po")))
    committed = messages(polib.pofile(str(catalog("en"))))
    assert extracted - committed == set(), "run `make messages`: strings missing from the catalogs"
    assert committed - extracted == set(), (
        "run `make messages`: catalogs hold strings no longer used"
    )
