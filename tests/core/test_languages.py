from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale

from cms.accounts.models import UserProfile
from cms.api.languages import language_or_default
from cms.core.checks import check_content_languages
from cms.core.languages import (
    BABEL_LOCALES,
    UN_LANGUAGE_CODES,
    UN_LANGUAGES,
    fallback_chain,
    is_right_to_left,
    pick_translation,
    preferred_language,
    source_language,
)


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


def test_the_source_language_is_the_configured_default_read_at_call_time():
    assert source_language() == "en"
    with override_settings(LANGUAGE_CODE="fr"):
        assert source_language() == "fr"
        assert fallback_chain("ar") == ["ar", "fr"]
        assert fallback_chain("fr") == ["fr"]
        assert fallback_chain(None) == ["fr"]


def test_the_fallback_chain_ends_in_the_source_language():
    assert fallback_chain("ar") == ["ar", "en"]
    assert fallback_chain("en") == ["en"]
    assert fallback_chain("ar", source="es") == ["ar", "es"]


def test_a_translation_is_picked_else_the_source_language_one():
    titles = {"en": "Marking", "fr": "Marquage"}
    assert pick_translation(titles, "fr") == ("fr", "Marquage")
    assert pick_translation(titles, "ar") == ("en", "Marking")
    assert pick_translation({"ru": "Маркировка"}, "ar") is None
    with override_settings(LANGUAGE_CODE="fr"):
        assert pick_translation(titles, "ar") == ("fr", "Marquage")


def test_the_languages_carry_their_labels_and_babel_locales():
    assert [language.code for language in UN_LANGUAGES] == UN_LANGUAGE_CODES
    assert [(language.code, language.label) for language in UN_LANGUAGES] == settings.LANGUAGES
    assert BABEL_LOCALES["zh-hans"] == "zh_Hans"


def test_a_user_is_written_to_in_their_profile_language(db, django_user_model):
    user = django_user_model.objects.create_user("reader")
    UserProfile.objects.create(user=user, preferred_language="es")
    user.refresh_from_db()
    assert preferred_language(user) == "es"
    with override_settings(LANGUAGE_CODE="fr"):
        assert preferred_language(user) == "es"


def test_a_user_without_a_profile_language_is_written_to_in_the_source_language(
    db, django_user_model
):
    user = django_user_model.objects.create_user("newcomer")
    assert preferred_language(user) == "en"
    assert preferred_language(AnonymousUser()) == "en"
    UserProfile.objects.create(user=user, preferred_language="")
    user.refresh_from_db()
    with override_settings(LANGUAGE_CODE="fr"):
        assert preferred_language(user) == "fr"


def test_a_request_naming_no_language_is_served_in_the_source_language(rf):
    with override_settings(LANGUAGE_CODE="fr"):
        assert language_or_default(rf.get("/api/v2/pages/")) == "fr"
        assert language_or_default(rf.get("/api/v2/pages/", {"locale": "ar"})) == "ar"
    assert language_or_default(rf.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")) == "zh-hans"
