"""The HTML of the public listing, detail and country pages, against the Nu HTML Checker."""

import pytest

from tests.assistance.conftest import make_need

from .test_html_validity import validate

pytestmark = pytest.mark.usefixtures("demo_site")


def test_listing_detail_and_country_pages_are_valid_html(client, tmp_path):
    need = make_need(title="Kits for marking & record-keeping", description="First line.\n\nNext.")
    files = []
    for language in ("en", "ar"):
        paths = {
            "needs": f"/{language}/needs/?country=KE",
            "need": f"/{language}/needs/{need.pk}/",
            "countries": f"/{language}/countries/",
            "country": f"/{language}/countries/KE/",
        }
        for name, path in paths.items():
            response = client.get(path)
            assert response.status_code == 200, path
            files.append(tmp_path / f"{language}-{name}.html")
            files[-1].write_bytes(response.content)
    assert validate(files) == []
