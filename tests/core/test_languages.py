from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale

from cms.core.checks import check_content_languages
from cms.core.languages import UN_LANGUAGE_CODES, is_right_to_left


def test_the_six_un_languages_are_content_and_interface_languages():
    assert [code for code, _ in settings.LANGUAGES] == UN_LANGUAGE_CODES
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == UN_LANGUAGE_CODES
    assert settings.LANGUAGE_CODE == "en"


def test_migrations_create_a_wagtail_locale_per_language(db):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(
        UN_LANGUAGE_CODES
    )


def test_only_arabic_is_written_right_to_left():
    assert [code for code in UN_LANGUAGE_CODES if is_right_to_left(code)] == ["ar"]


def test_the_system_check_names_an_unknown_language():
    languages = settings.LANGUAGES + [("xx", "Unknown")]
    with override_settings(LANGUAGES=languages):
        errors = check_content_languages(None)
    assert [error.id for error in errors] == ["poaiss.E001"]
    assert "'xx'" in errors[0].msg


def test_the_system_check_names_a_missing_un_language():
    languages = [item for item in settings.WAGTAIL_CONTENT_LANGUAGES if item[0] != "ar"]
    with override_settings(WAGTAIL_CONTENT_LANGUAGES=languages):
        errors = check_content_languages(None)
    assert [error.id for error in errors] == ["poaiss.E002"]
    assert "ar" in errors[0].msg


def test_the_project_passes_its_system_checks():
    call_command("check", fail_level="WARNING")
