"""The certificate PDF in the six languages: the text is there, Arabic is shaped."""

import io
import re
import zlib

import pytest
from pypdf import PdfReader

from cms.learning.certificates import render_certificate_pdf
from cms.learning.models import Certificate

pytestmark = pytest.mark.django_db

ARABIC_NAME = "محمد الأمين"
CASES = {
    "en": ("Ana Silva", "Marking and record-keeping", "Certificate of completion"),
    "fr": ("Anaïs Lefèvre", "Marquage et enregistrement", "Certificat de réussite"),
    "es": ("José Núñez", "Marcado y registro", "Certificado de finalización"),
    "ru": ("Анна Иванова", "Маркировка и учёт", "Сертификат об окончании курса"),
    "ar": (ARABIC_NAME, "الوسم وحفظ السجلات", "شهادة إتمام"),
    "zh-hans": ("王小明", "标识和记录保存", "结业证书"),
}


def certificate(language, name, title):
    return Certificate(
        code="ABCDEF0123456789",
        learner_name=name,
        course_title=title,
        language=language,
    )


def pdf_text(data):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squashed(text):
    return re.sub(r"\s+", "", text)


def glyphs_per_character(data):
    """From the fonts' ToUnicode maps: how many distinct glyphs stand for each character."""
    reader = PdfReader(io.BytesIO(data))
    counts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for _glyph, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", cmap):
                if len(text) == 4:
                    character = chr(int(text, 16))
                    counts[character] = counts.get(character, 0) + 1
    return counts


@pytest.mark.parametrize("language", CASES)
def test_the_certificate_reads_in_the_learners_language(language):
    name, title, heading = CASES[language]
    with_text = pdf_text(render_certificate_pdf(certificate(language, name, title)))
    text = squashed(with_text)
    assert "ABCDEF0123456789" in text
    if language == "ar":
        # Right-to-left text may come out in visual order; either order proves the letters.
        for word in (*name.split(), *title.split()):
            assert word in with_text or word[::-1] in with_text
    else:
        for expected in (name, title):
            assert squashed(expected) in text


def test_the_arabic_name_is_joined_not_isolated_letters():
    data = render_certificate_pdf(certificate("ar", ARABIC_NAME, "الوسم"))
    glyphs = glyphs_per_character(data)
    # In محمد the meem is drawn twice, in its initial and its medial form: two glyphs for
    # one character. Unshaped text would use the one isolated glyph.
    assert glyphs.get("م", 0) >= 2
    assert not any(0xFE70 <= ord(character) <= 0xFEFF for character in pdf_text(data))


def test_the_pdf_download_is_served_by_its_code(client, db):
    from .conftest import make_learner

    assert zlib  # the PDF is compressed; pypdf reads it
    user = make_learner("holder")
    from cms.learning.models import CoursePage, Enrolment

    course = CoursePage.objects.first()
    if course is None:
        pytest.skip("no course in the demo")
    enrolment = Enrolment.objects.create(
        user=user, course=course, course_key=course.translation_key, language="en"
    )
    issued = Certificate.objects.create(
        enrolment=enrolment, learner_name="Ana Silva", course_title=course.title, language="en"
    )
    response = client.get(f"/certificates/{issued.code}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Ana Silva" in pdf_text(response.content)
