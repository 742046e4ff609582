"""The taxonomy manager: terms by code and their names, with the source language's fallback."""

import uuid

import pytest
from django.test import override_settings
from wagtail.models import Locale

from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.models import ThematicArea

pytestmark = pytest.mark.django_db

# Codes of their own: the test database may hold the vocabularies already.
NAMES = {
    "t-marking": {"en": "Marking", "fr": "Marquage", "ar": "الوسم"},
    "t-brokering": {"en": "Brokering"},
}
CODES = list(NAMES)


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
    french, russian = (ThematicArea.objects.names(code, codes=CODES) for code in ("fr", "ru"))
    assert french == {"t-marking": "Marquage", "t-brokering": "Brokering"}
    assert russian == {"t-marking": "Marking", "t-brokering": "Brokering"}
    assert ThematicArea.objects.names("ar", codes=["t-marking"]) == {"t-marking": "الوسم"}


@pytest.mark.parametrize("language", UN_LANGUAGE_CODES)
def test_a_term_by_code_in_each_language(language):
    served = language if language in NAMES["t-marking"] else "en"
    marking = ThematicArea.objects.by_code("t-marking", language)
    assert (marking.locale.language_code, marking.name) == (served, NAMES["t-marking"][served])
    brokering = ThematicArea.objects.by_code("t-brokering", language)
    assert (brokering.locale.language_code, brokering.name) == ("en", "Brokering")


def test_a_term_by_code_without_a_language_is_the_source_row():
    assert ThematicArea.objects.by_code("t-marking").locale.language_code == "en"
    with pytest.raises(ThematicArea.DoesNotExist):
        ThematicArea.objects.by_code("unknown", "fr")


def test_terms_by_codes_keep_their_order_and_name_the_unknown_ones():
    rows = ThematicArea.objects.by_codes(["t-brokering", "t-marking", "t-brokering"])
    assert [(row.code, row.locale.language_code) for row in rows] == [
        ("t-brokering", "en"),
        ("t-marking", "en"),
    ]
    with pytest.raises(LookupError, match="unknown, other"):
        ThematicArea.objects.by_codes(["t-marking", "unknown", "other"])


def test_localized_lists_each_term_once():
    rows = ThematicArea.objects.localized("ar").filter(code__in=CODES).order_by("code")
    assert [(row.code, row.locale.language_code) for row in rows] == [
        ("t-brokering", "en"),
        ("t-marking", "ar"),
    ]


def test_a_french_deployment_looks_terms_up_in_french():
    with override_settings(LANGUAGE_CODE="fr"):
        source_rows = ThematicArea.objects.source().filter(code__in=CODES)
        assert [row.name for row in source_rows] == ["Marquage"]
        assert ThematicArea.objects.by_code("t-marking", "es").name == "Marquage"
        assert ThematicArea.objects.by_code("t-marking", "ar").name == "الوسم"
        # A term with no French row has no source row: only its translations name it.
        assert ThematicArea.objects.names("es", codes=CODES) == {"t-marking": "Marquage"}
        with pytest.raises(ThematicArea.DoesNotExist):
            ThematicArea.objects.by_code("t-brokering")


def test_a_french_deployment_serves_its_fallbacks_in_french(client):
    with override_settings(LANGUAGE_CODE="fr"):
        data = client.get("/api/v2/themes/", {"locale": "es", "limit": 100}).json()
    served = [
        (item["code"], item["locale"], item["is_fallback"])
        for item in data["items"]
        if item["code"] in CODES
    ]
    assert served == [("t-marking", "fr", True)]
