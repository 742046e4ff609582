"""Every HTML answer carries a Content-Security-Policy that lets no injected script run."""

import re

import pytest

pytestmark = pytest.mark.usefixtures("demo_site")


def script_sources(response):
    policy = response["Content-Security-Policy"]
    return re.search(r"script-src ([^;]+)", policy).group(1).split()


@pytest.mark.parametrize("path", ["/en/", "/ar/", "/api/docs/", "/admin/login/"])
def test_public_pages_and_the_api_docs_allow_only_the_sites_own_scripts(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert script_sources(response) == ["'self'"]
    assert "object-src 'none'" in response["Content-Security-Policy"]
    framing = "'self'" if path.startswith("/admin/") else "'none'"
    assert f"frame-ancestors {framing}" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == ("SAMEORIGIN" if path.startswith("/admin/") else "DENY")
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_editing_screens_run_widget_scripts_but_the_print_view_does_not(client, admin_user):
    from cms.library.models import NationalReportPage

    report = NationalReportPage.objects.filter(locale__language_code="en").first()
    client.force_login(admin_user)

    editor = client.get(f"/admin/pages/{report.pk}/edit/")
    assert editor.status_code == 200
    assert "'unsafe-inline'" in script_sources(editor)

    printable = client.get(f"/admin/national-reports/{report.pk}/print/")
    assert printable.status_code == 200
    assert script_sources(printable) == ["'self'"]
