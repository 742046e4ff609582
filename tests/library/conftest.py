import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from rest_framework.authtoken.models import Token
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from cms.accounts.models import UserProfile
from cms.accounts.roles import NATIONAL_POINTS_OF_CONTACT
from cms.core.models import Country
from cms.library.models import NationalReportIndexPage, NationalReportPage, ReportingCycle


def pdf_bytes(text):
    """A one-page PDF whose page shows `text` in Helvetica, written with pypdf."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    content = DecodedStreamObject()
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content.set_data(f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("latin-1"))
    page.replace_contents(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# Starts like a PDF, then breaks off: what a damaged upload looks like.
CORRUPT_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage\x00\xff"


@pytest.fixture(autouse=True)
def tasks_in_process():
    """Run the library's outbox messages in the test's process and transaction, on every leg;
    test_worker.py sends them to a real worker instead."""
    from cms.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def reports_index(demo_site, english):
    return NationalReportIndexPage.objects.get(locale=english)


@pytest.fixture
def make_npc(django_user_model):
    group = Group.objects.get(name=NATIONAL_POINTS_OF_CONTACT)

    def make(country_code, username=None):
        user = django_user_model.objects.create_user(
            username or f"npc-{country_code.lower()}", password="npc-password-1"
        )
        user.groups.add(group)
        UserProfile.objects.create(
            user=user, country=Country.objects.get(code=country_code, locale__language_code="en")
        )
        return user

    return make


@pytest.fixture
def npc_fr(make_npc):
    return make_npc("FR")


@pytest.fixture
def npc_br(make_npc):
    return make_npc("BR")


@pytest.fixture
def make_report(reports_index, english, django_capture_on_commit_callbacks):
    def make(country_code, cycle="BMS9", publish=False, owner=None, files=(), **fields):
        report = NationalReportPage(
            title=fields.pop("title", f"{country_code} report {cycle}"),
            country=Country.objects.get(code=country_code, locale=english),
            cycle=ReportingCycle.objects.get(code=cycle),
            instrument=fields.pop("instrument", "poa_iti"),
            live=False,
            owner=owner,
            **fields,
        )
        report.files = list(files)
        with django_capture_on_commit_callbacks(execute=True):
            reports_index.add_child(instance=report)
            revision = report.save_revision(user=owner)
            if publish:
                revision.publish()
        report.refresh_from_db()
        return report

    return make


@pytest.fixture
def make_document():
    def make(content, name="report.pdf", title="Report"):
        collection = Collection.objects.get(name="National reports")
        document = get_document_model()(title=title, collection=collection)
        document.file.save(name, ContentFile(content), save=True)
        return document

    return make


def token_header(user):
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


def complete_answers(instrument="poa_iti", cycle="BMS9"):
    """A valid answer to every required question of the cycle's questionnaire."""
    from cms.library.questionnaire.answers import applies_to
    from cms.library.questionnaire.filing import questionnaire_for

    version = questionnaire_for(ReportingCycle.objects.get(code=cycle))
    answers = {}
    for code, question in version.questions_by_code().items():
        if not question.required or not applies_to(question, instrument):
            continue
        answers[code] = {"value": sample_value(question), "details": ""}
    return answers


def sample_value(question):
    if question.answer_type == "yes_no_in_development":
        return "yes"
    if question.answer_type == "number":
        return 3
    if question.answer_type == "text":
        return "Steps taken since the last report."
    entry = {}
    for field in question.item_fields:
        if field.get("required"):
            entry[field["code"]] = sample_field(field)
    return [entry]


def sample_field(field):
    kind = field["type"]
    if kind == "choice":
        return field["choices"][0]["code"]
    if kind == "number":
        return 1000
    if kind == "date":
        return "2020-01-01"
    if kind == "url":
        return "https://example.org/"
    if kind in ("thematic_area", "assistance_form", "country", "region"):
        from cms.core.models import AssistanceForm, Country, Region, ThematicArea

        model = {
            "thematic_area": ThematicArea,
            "assistance_form": AssistanceForm,
            "country": Country,
            "region": Region,
        }[kind]
        return model.objects.source().order_by("code").values_list("code", flat=True).first()
    return "An entry"
