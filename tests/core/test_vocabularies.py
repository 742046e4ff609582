import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Page

from cms.core import vocabularies as module
from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.models import (
    AssistanceForm,
    Country,
    MosaicModule,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
)
from cms.core.vocabularies import VocabularyError, load_vocabularies


def names_by_language(model, code):
    return dict(model.objects.filter(code=code).values_list("locale__language_code", "name"))


def test_every_term_exists_once_in_each_of_the_six_languages(vocabularies):
    expected_terms = {ThematicArea: 20, MosaicModule: 20, AssistanceForm: 5, OrganisationType: 8}
    for model, count in expected_terms.items():
        for language in UN_LANGUAGE_CODES:
            assert model.objects.filter(locale__language_code=language).count() == count
    # The translations of one term share its translation key, as wagtail-localize expects.
    keys = set(
        ThematicArea.objects.filter(code="marking").values_list("translation_key", flat=True)
    )
    assert len(keys) == 1


def test_terms_are_named_in_each_language(vocabularies):
    names = names_by_language(ThematicArea, "stockpile-management")
    assert names["en"] == "Stockpile management (weapons and ammunition)"
    assert len(set(names.values())) == 6
    assert any("\u0600" <= char <= "\u06ff" for char in names["ar"])
    assert any("\u4e00" <= char <= "\u9fff" for char in names["zh-hans"])


def test_country_names_come_from_cldr(vocabularies):
    names = names_by_language(Country, "DE")
    assert names == {
        "en": "Germany",
        "fr": "Allemagne",
        "es": "Alemania",
        "ru": "Германия",
        "ar": "ألمانيا",
        "zh-hans": "德国",
    }


@pytest.mark.parametrize(
    ("code", "language", "un_name"),
    [
        ("CD", "en", "Democratic Republic of the Congo"),
        ("CG", "fr", "Congo"),
        ("PS", "ar", "دولة فلسطين"),
        ("RU", "es", "Federación de Rusia"),
        ("KR", "zh-hans", "大韩民国"),
        ("IR", "en", "Iran (Islamic Republic of)"),
        ("BO", "ru", "Боливия (Многонациональное Государство)"),
        ("GB", "fr", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"),
    ],
)
def test_countries_bear_the_names_un_documents_use(vocabularies, code, language, un_name):
    assert names_by_language(Country, code)[language] == un_name


def test_a_un_country_name_without_all_six_languages_is_refused(db, tmp_path, monkeypatch):
    broken = tmp_path / "un_country_names.yaml"
    broken.write_text("countries:\n  CD:\n    name: {en: Democratic Republic of the Congo}\n")
    monkeypatch.setattr(module, "UN_COUNTRY_NAMES_FILE", broken)
    with pytest.raises(VocabularyError, match="un_country_names.yaml: country 'CD'.*'fr'"):
        load_vocabularies()


def test_countries_cover_iso_3166_with_their_m49_regions_and_groups(vocabularies):
    english = Country.objects.filter(locale__language_code="en")
    assert english.count() == 249
    niger = english.select_related("region", "sub_region", "intermediate_region").get(code="NE")
    assert (niger.alpha3, niger.numeric) == ("NER", "562")
    assert (niger.region.code, niger.sub_region.code, niger.intermediate_region.code) == (
        "002",
        "202",
        "011",
    )
    assert niger.groups == ["ldc", "lldc"]
    assert english.get(code="FJ").groups == ["sids"]
    assert english.get(code="FR").groups == []
    assert english.filter(is_ldc=True).count() == 46
    assert english.filter(is_sids=True).count() == 37


def test_a_translated_country_points_to_regions_in_its_own_language(vocabularies):
    niger = Country.objects.select_related("region").get(code="NE", locale__language_code="fr")
    assert niger.region.name == "Afrique"
    assert niger.region.locale_id == niger.locale_id


def test_regions_form_the_m49_hierarchy(vocabularies):
    western_africa = Region.objects.get(code="011", locale__language_code="en")
    assert western_africa.level == Region.Level.INTERMEDIATE_REGION
    assert western_africa.parent.code == "202"
    assert western_africa.parent.parent.code == "002"


def test_loading_twice_changes_nothing(vocabularies):
    again = load_vocabularies()
    assert set(again.created.values()) == {0}
    assert set(again.updated.values()) == {0}


def test_an_incomplete_term_fails_loudly_and_writes_nothing(db, tmp_path, monkeypatch):
    data = yaml.safe_load(module.TAXONOMY_FILE.read_text(encoding="utf-8"))
    del data["assistance_forms"][1]["name"]["ar"]
    broken = tmp_path / "taxonomy.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(module, "TAXONOMY_FILE", broken)
    # Pages that refer to terms (a national report names its country) go first.
    Page.objects.filter(depth__gt=1).delete()
    Organisation.objects.all().delete()
    Country.objects.all().delete()
    for level in (3, 2, 1):
        Region.objects.filter(level=level).delete()
    for model in (ThematicArea, MosaicModule, AssistanceForm, OrganisationType):
        model.objects.all().delete()

    with pytest.raises(VocabularyError, match="technical-expertise.*'ar'"):
        load_vocabularies()
    assert not ThematicArea.objects.exists()
    assert not Country.objects.exists()


def test_the_command_reports_a_broken_vocabulary_as_a_command_error(db, tmp_path, monkeypatch):
    broken = tmp_path / "taxonomy.yaml"
    broken.write_text(
        "thematic_areas:\n  - code: marking\n    name: {en: Marking}\n", encoding="utf-8"
    )
    monkeypatch.setattr(module, "TAXONOMY_FILE", broken)
    with pytest.raises(
        CommandError, match="taxonomy.yaml: thematic_areas term 'marking' has no name in 'fr'"
    ):
        call_command("load_taxonomy")


def test_an_organisation_of_an_unknown_type_is_refused(db, tmp_path, monkeypatch):
    broken = tmp_path / "organisations.yaml"
    names = dict.fromkeys(UN_LANGUAGE_CODES, "Example")
    data = {"organisations": [{"code": "example", "type": "club", "name": names}]}
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(module, "ORGANISATIONS_FILE", broken)
    with pytest.raises(VocabularyError, match="organisation 'example' has the unknown type 'club'"):
        load_vocabularies()
