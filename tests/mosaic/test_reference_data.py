"""The module list (one source: the kernel's taxonomy) and the clause loader."""

from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from cms.core.languages import UN_LANGUAGE_CODES
from cms.core.models import MosaicModule
from cms.core.vocabularies import TAXONOMY_FILE
from cms.mosaic.models import Clause

pytestmark = pytest.mark.django_db


def test_the_module_list_is_complete_and_sourced():
    data = yaml.safe_load(TAXONOMY_FILE.read_text(encoding="utf-8"))
    assert data["mosaic_modules_source"]["url"].startswith("https://disarmament.unoda.org/")
    codes = [module["code"] for module in data["mosaic_modules"]]
    for code in ("02.10", "03.20", "03.50", "03.60", "05.30", "05.31", "05.55", "06.10"):
        assert code in codes
    names = MosaicModule.objects.names("en")
    assert names["06.10"] == "Women, men and the gendered nature of small arms and light weapons"
    for language in UN_LANGUAGE_CODES:
        assert MosaicModule.objects.in_language(language).count() == len(codes)


def write(tmp_path, text):
    path = Path(tmp_path) / "clauses.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_bad_file_loads_nothing_and_names_row_and_column(tmp_path):
    before = Clause.objects.count()
    path = write(
        tmp_path,
        "module,number,theme,en,fr\n"
        "05.40,4.1,collection,Collected weapons are recorded.,"
        "Les armes collectées sont enregistrées.\n"
        "09.99,4.2,collection,Something.,\n"
        "05.40,4.3,nowhere,,\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("load_mosaic_clauses", path)
    message = str(error.value)
    assert "row 3, column module" in message
    assert "row 4, column theme" in message
    assert "row 4, column en" in message
    assert Clause.objects.count() == before


def test_a_good_file_loads_and_loading_again_updates(tmp_path):
    path = write(
        tmp_path,
        "module,number,theme,en,ar\n05.40,4.1,collection,Collected weapons are recorded.,"
        "تُسجَّل الأسلحة المجمَّعة.\n",
    )
    call_command("load_mosaic_clauses", path)
    call_command("load_mosaic_clauses", path)
    clause = Clause.objects.get(module__code="05.40", number="4.1")
    assert clause.in_language("ar") == ("ar", "تُسجَّل الأسلحة المجمَّعة.")
    # No French: the English text, and the API says which language it served.
    assert clause.in_language("fr") == ("en", "Collected weapons are recorded.")
    assert Clause.objects.filter(module__code="05.40").count() == 1


def test_clause_api_serves_the_language(client):
    response = client.get("/api/v2/mosaic/clauses/", {"module": "05.30", "locale": "ru"})
    assert response.status_code == 200
    first = response.json()["items"][0]
    assert first["code"] == "05.30/5.1.1" and first["text_language"] == "ru"
