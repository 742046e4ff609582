"""The demo national reports exist in the six UN languages, translated, with real laws."""

import pytest

from cms.library.models import NationalReportPage, WorldOverviewPage

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Kenya: national report, BMS6 2016"),
        ("fr", "Kenya : rapport national, BMS6 2016"),
        ("es", "Kenya: informe nacional, BMS6 2016"),
        ("ru", "Кения: национальный доклад, BMS6 2016"),
        ("ar", "كينيا: التقرير الوطني، BMS6 2016"),
        ("zh-hans", "肯尼亚：国家报告，BMS6 2016"),
    ],
)
def test_each_report_is_published_in_six_languages(client, language, title):
    report = NationalReportPage.objects.get(
        country__code="KE", cycle__code="BMS6", locale__language_code=language
    )
    assert report.live and report.title == title
    assert report.country.locale.language_code == language
    response = client.get(report.url)
    assert response.status_code == 200
    # Laws keep their original titles in every language.
    assert "Firearms Act (Cap. 114)" in response.content.decode()


def test_the_demo_covers_several_countries_and_cycles():
    english = NationalReportPage.objects.filter(locale__language_code="en", live=True)
    assert {(r.country.code, r.cycle.code) for r in english} >= {
        ("KE", "BMS6"),
        ("DE", "RevCon3"),
        ("MX", "BMS7"),
        ("PH", "BMS8"),
        ("JP", "RevCon4"),
    }
    assert WorldOverviewPage.objects.filter(live=True).count() == 6
