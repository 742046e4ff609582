"""The taxonomy manager: terms by code and their names, with the source language's fallback."""

import uuid

import pytest
from django.test import override_settings
from wagtail.models import Locale

from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.models import ThematicArea

pytestmark = pytest.mark.django_db

NAMES = {
    "marking": {"en": "Marking", "fr": "Marquage", "ar": "الوسم"},
    "brokering": {"en": "Brokering"},
}


@pytest.fixture(autouse=True)
def themes():
    for code, names in NAMES.items():
        key = uuid.uuid4()
        for language, name in names.items():
            ThematicArea.objects.create(
                code=code,
                name=name,
                translation_key=key,
                locale=Locale.objects.get(language_code=language),
            )


def test_names_fall_back_to_the_source_language():
    assert ThematicArea.objects.names("fr") == {"marking": "Marquage", "brokering": "Brokering"}
    assert ThematicArea.objects.names("ru") == {"marking": "Marking", "brokering": "Brokering"}
    assert ThematicArea.objects.names("ar", codes=["marking"]) == {"marking": "الوسم"}


@pytest.mark.parametrize("language", UN_LANGUAGE_CODES)
def test_a_term_by_code_in_each_language(language):
    served = language if language in NAMES["marking"] else "en"
    marking = ThematicArea.objects.by_code("marking", language)
    assert (marking.locale.language_code, marking.name) == (served, NAMES["marking"][served])
    brokering = ThematicArea.objects.by_code("brokering", language)
    assert (brokering.locale.language_code, brokering.name) == ("en", "Brokering")


def test_a_term_by_code_without_a_language_is_the_source_row():
    assert ThematicArea.objects.by_code("marking").locale.language_code == "en"
    with pytest.raises(ThematicArea.DoesNotExist):
        ThematicArea.objects.by_code("unknown", "fr")


def test_terms_by_codes_keep_their_order_and_name_the_unknown_ones():
    rows = ThematicArea.objects.by_codes(["brokering", "marking", "brokering"])
    assert [(row.code, row.locale.language_code) for row in rows] == [
        ("brokering", "en"),
        ("marking", "en"),
    ]
    with pytest.raises(LookupError, match="unknown, other"):
        ThematicArea.objects.by_codes(["marking", "unknown", "other"])


def test_localized_lists_each_term_once():
    rows = ThematicArea.objects.localized("ar").order_by("code")
    assert [(row.code, row.locale.language_code) for row in rows] == [
        ("brokering", "en"),
        ("marking", "ar"),
    ]


def test_a_french_deployment_looks_terms_up_in_french():
    with override_settings(LANGUAGE_CODE="fr"):
        assert [row.name for row in ThematicArea.objects.source()] == ["Marquage"]
        assert ThematicArea.objects.by_code("marking", "es").name == "Marquage"
        assert ThematicArea.objects.by_code("marking", "ar").name == "الوسم"
        # A term with no French row has no source row: only its translations name it.
        assert ThematicArea.objects.names("es") == {"marking": "Marquage"}
        with pytest.raises(ThematicArea.DoesNotExist):
            ThematicArea.objects.by_code("brokering")


def test_a_french_deployment_serves_its_fallbacks_in_french(client):
    with override_settings(LANGUAGE_CODE="fr"):
        data = client.get("/api/v2/themes/", {"locale": "es"}).json()
    assert [(item["code"], item["locale"], item["is_fallback"]) for item in data["items"]] == [
        ("marking", "fr", True)
    ]
