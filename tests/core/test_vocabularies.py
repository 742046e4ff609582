import csv
import datetime

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
    UNStatus,
)
from cms.core.vocabularies import VocabularyError, load_vocabularies


def names_by_language(model, code):
    return dict(model.objects.filter(code=code).values_list("locale__language_code", "name"))


def test_every_term_exists_once_in_each_of_the_six_languages(vocabularies):
    expected_terms = {ThematicArea: 20, MosaicModule: 22, AssistanceForm: 5, OrganisationType: 8}
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


def test_country_names_come_from_the_m49_table(vocabularies):
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
        ("BO", "fr", "Bolivie (État plurinational de)"),
        ("TR", "en", "Türkiye"),
        ("CI", "es", "Côte d'Ivoire"),
        ("VA", "zh-hans", "教廷"),
        ("TZ", "ar", "جمهورية تنزانيا المتحدة"),
    ],
)
def test_countries_bear_the_names_un_documents_use(vocabularies, code, language, un_name):
    assert names_by_language(Country, code)[language] == un_name


def broken_copy(tmp_path, source, edit):
    """A copy of a reference CSV file with `edit(rows)` applied."""
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    edit(rows)
    broken = tmp_path / source.name
    with broken.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(rows)
    return broken


def test_an_m49_country_without_all_six_names_is_refused_and_nothing_changes(
    vocabularies, tmp_path, monkeypatch
):
    def drop_french_name_of_congo(rows):
        next(row for row in rows if row["iso_alpha2"] == "CD")["name_fr"] = ""

    broken = broken_copy(tmp_path, module.M49_COUNTRIES_FILE, drop_french_name_of_congo)
    monkeypatch.setattr(module, "M49_COUNTRIES_FILE", broken)
    Region.objects.filter(code="057").update(name="Old name")
    with pytest.raises(VocabularyError, match=r"countries.csv: row \d+ \(country 'CD'\).*'fr'"):
        load_vocabularies()
    assert Region.objects.filter(code="057", name="Old name").count() == 6


def test_a_reporting_state_unknown_to_m49_is_refused(vocabularies, tmp_path, monkeypatch):
    def add_kosovo(rows):
        rows.append({"iso_alpha2": "XK", "name_en": "Kosovo", "status": "member"})

    monkeypatch.setattr(
        module, "UN_MEMBERSHIP_FILE", broken_copy(tmp_path, module.UN_MEMBERSHIP_FILE, add_kosovo)
    )
    with pytest.raises(VocabularyError, match="'XK' is not an ISO 3166-1 code"):
        load_vocabularies()


def test_countries_cover_iso_3166_with_their_m49_regions_and_groups(vocabularies):
    english = Country.objects.filter(locale__language_code="en")
    # Every code django-countries knows: territories stay in the taxonomy.
    assert english.count() == 249
    assert {"AQ", "BV", "EH", "GL", "HK", "MO", "TW", "CK", "NU"} <= set(
        english.values_list("code", flat=True)
    )
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
    # The M49 table of September 2024: its groups include territories (SIDS).
    assert english.filter(is_ldc=True).count() == 45
    assert english.filter(is_lldc=True).count() == 32
    assert english.reporting_states().filter(is_sids=True).count() == 37


def test_a_code_the_m49_table_lacks_is_named_from_cldr_and_recorded(vocabularies):
    summary = load_vocabularies()
    assert summary.cldr_fallbacks == ["TW"]
    taiwan = Country.objects.select_related("region").get(code="TW", locale__language_code="fr")
    assert taiwan.name == "Taïwan"
    assert taiwan.region is None and not taiwan.is_reporting_state


def test_the_reporting_states_are_the_193_members_and_the_2_observer_states(vocabularies):
    states = Country.objects.source().reporting_states()
    assert states.count() == 195
    assert states.filter(un_status=UNStatus.MEMBER).count() == 193
    observers = states.filter(un_status=UNStatus.OBSERVER_STATE)
    assert sorted(observers.values_list("code", flat=True)) == ["PS", "VA"]
    territories = {"AQ", "BV", "EH", "GL", "HK", "MO", "TW", "XK", "CK", "NU"}
    assert not states.filter(code__in=territories).exists()
    for language in UN_LANGUAGE_CODES:
        assert Country.objects.in_language(language).reporting_states().count() == 195
    switzerland = states.get(code="CH")
    assert switzerland.un_admission_date == datetime.date(2002, 9, 10)
    assert states.get(code="VA").un_admission_date is None


def test_the_migration_fills_the_un_status_from_the_membership_file(vocabularies):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("cms.core.migrations.0008_country_un_status")
    Country.objects.update(un_status="", un_admission_date=None)
    migration.fill_un_status(apps, None)
    assert Country.objects.source().reporting_states().count() == 195
    assert Country.objects.get(code="PS", locale__language_code="ar").un_status == "observer_state"


@pytest.mark.parametrize(
    ("code", "names"),
    [
        (
            "419",
            {
                "en": "Latin America and the Caribbean",
                "fr": "Amérique latine et Caraïbes",
                "es": "América Latina y el Caribe",
                "ru": "Латинская Америка и Карибский бассейн",
                "ar": "أمريكا اللاتينية ومنطقة البحر الكاريبي",
                "zh-hans": "拉丁美洲和加勒比",
            },
        ),
        (
            "035",
            {
                "en": "South-eastern Asia",
                "fr": "Asie du Sud-Est",
                "es": "Asia sudoriental",
                "ru": "Юго-Восточная Азия",
                "ar": "جنوب شرقي آسيا",
                "zh-hans": "东南亚",
            },
        ),
        (
            "057",
            {
                "en": "Micronesia",
                "fr": "Micronésie",
                "es": "Micronesia",
                "ru": "Микронезия",
                "ar": "ميكرونيزيا",
                "zh-hans": "密克罗尼西亚",
            },
        ),
    ],
)
def test_regions_bear_their_m49_names_in_six_languages(vocabularies, code, names):
    assert names_by_language(Region, code) == names


def test_a_translated_country_points_to_regions_in_its_own_language(vocabularies):
    niger = Country.objects.select_related("region").get(code="NE", locale__language_code="fr")
    assert niger.region.name == "Afrique"
    assert niger.region.locale_id == niger.locale_id


def test_regions_form_the_m49_hierarchy(vocabularies):
    western_africa = Region.objects.get(code="011", locale__language_code="en")
    assert western_africa.level == Region.Level.INTERMEDIATE_REGION
    assert western_africa.parent.code == "202"
    assert western_africa.parent.parent.code == "002"
    english = Region.objects.filter(locale__language_code="en")
    assert english.count() == 29
    assert english.filter(level=Region.Level.REGION).count() == 5
    assert english.get(code="057").parent.code == "009"


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
