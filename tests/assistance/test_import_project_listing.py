"""`manage.py import_project_listing`: the real listing in, all or nothing."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from assistance.models import Project

pytestmark = pytest.mark.django_db

LISTING = Path(__file__).parent / "imports" / "data" / "desa_project_listing.txt"


def test_the_real_listing_imports_every_project_once(capsys, demo_site):
    before = Project.objects.count()
    call_command("import_project_listing", str(LISTING))
    out = capsys.readouterr().out
    assert "12 projects created, 0 updated, 6 warning(s)." in out
    # The seed lists one project twice, as INT13001 and INT/13/001 (funders written apart).
    assert (
        "this looks like INT13001 (line 12): the codes INT13001 and INT/13/001 are the same "
        "once normalised; titles 100% alike; overlapping periods"
    ) in out
    assert Project.objects.count() == before + 12

    call_command("import_project_listing", str(LISTING))
    assert "0 projects created, 12 updated" in capsys.readouterr().out
    assert Project.objects.count() == before + 12
    centre = Project.objects.get(code="INT13001")
    assert centre.title == "Centre for Innovation on e-Government Development"
    imported = Project.objects.filter(code__in=[centre.code, "INT/13/001", "PAN15X01"])
    assert imported.count() == 3
    assert Project.objects.filter(focus_countries__isnull=False).exists()
    assert Project.objects.filter(amount_usd__gt=0).exists()


def test_an_unknown_organisation_is_named(demo_site):
    with pytest.raises(CommandError, match="Unknown organisation 'nobody'"):
        call_command("import_project_listing", str(LISTING), "--organisation", "nobody")


def test_a_listing_with_an_unreadable_value_imports_nothing(tmp_path, capsys, demo_site):
    lines = LISTING.read_text(encoding="utf-8").splitlines()
    budget_line = next(i for i, line in enumerate(lines) if line.startswith("Proposed Budget:"))
    lines[budget_line] = "Proposed Budget: about a lot of money"
    broken = tmp_path / "listing.txt"
    broken.write_text("\n".join(lines), encoding="utf-8")
    before = Project.objects.count()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_project_listing", str(broken))
    problems = capsys.readouterr().err
    assert f"line {budget_line + 1}" in problems and "budget" in problems
    assert Project.objects.count() == before


def test_a_binary_file_is_refused_by_name(tmp_path, demo_site):
    image = tmp_path / "projects.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(CommandError, match="projects.txt: this is not a text file but a PNG"):
        call_command("import_project_listing", str(image))
    zeros = tmp_path / "zeros.txt"
    zeros.write_bytes(bytes(4000))  # valid UTF-8, but no text
    with pytest.raises(CommandError, match="zeros.txt: this is not a text file"):
        call_command("import_project_listing", str(zeros))


def test_a_file_without_any_project_is_an_error(tmp_path, demo_site):
    text = tmp_path / "page.txt"
    text.write_text("Projects\n\nNothing here yet.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="page.txt: no project found"):
        call_command("import_project_listing", str(text))


def test_a_nul_character_is_named_by_its_line(tmp_path, capsys, demo_site):
    lines = LISTING.read_text(encoding="utf-8").splitlines()
    budget_line = next(i for i, line in enumerate(lines) if line.startswith("Proposed Budget:"))
    lines[budget_line] = lines[budget_line] + "\x00"
    broken = tmp_path / "listing.txt"
    broken.write_text("\n".join(lines), encoding="utf-8")
    before = Project.objects.count()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_project_listing", str(broken))
    assert f"listing.txt: line {budget_line + 1}: contains a NUL character" in (
        capsys.readouterr().err
    )
    assert Project.objects.count() == before
