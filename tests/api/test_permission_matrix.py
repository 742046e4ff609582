"""Who sees and does what through the API: every endpoint, for every kind of client.

The `world` fixture plants sensitive records, each carrying a unique marker string: a draft
page, a newer draft of a live page, a page for signed-in users only, a private document, a
members-only network thread, the contact details of a point of contact, needs and national
report drafts (and a draft's file) of two countries, draft resources of two donors. `MARKERS`
says who may read each one. Every GET endpoint of the schema has rows in `READS` (a new
endpoint without a row fails `test_every_get_endpoint_has_a_row`); each row states the status
each role gets and, whatever the endpoint, no response may carry a marker its reader may not
see. The reads run with the shared response cache off and on: a signed-in answer is never
served to anyone else. `WRITES` does the same for every write endpoint, one request per role,
each test rolled back before the next.

Roles: anonymous; learner (any signed-in user); network member; national point of contact of
Kenya; donor speaking for UNSCAR; secretariat (signed in to the admin, with a session).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import TestCase
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from assistance.models import Match, MatchResource, Need, Project, Resource, StatedNeed
from cms.accounts import roles
from cms.accounts.models import UserProfile
from cms.celery import app
from cms.core.models import (
    AssistanceForm,
    Country,
    HomePage,
    MosaicModule,
    Organisation,
    SectionPage,
    ThematicArea,
)
from cms.learning.attempts import start_attempt
from cms.learning.models import CoursePage, Enrolment, LessonPage, QuizPage
from cms.library.api.reports import report_files_collection
from cms.library.models import (
    BestPracticePage,
    NationalReportFile,
    NationalReportIndexPage,
    NationalReportPage,
    ReportingCycle,
)
from cms.library.models.best_practices import BestPracticeRelatedPage
from cms.mosaic.models import Assessment, Clause, ClauseRating
from cms.network.models import Answer, Comment, MemberProfile, PointOfContact, Question

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "learner", "member", "npc", "donor", "secretariat")
SIGNED_IN = frozenset(ROLES) - {"anonymous"}
EVERYONE = frozenset(ROLES)
NETWORK = frozenset({"member", "secretariat"})
NOBODY = frozenset()

# A word every marker shares, so one search finds them all: what each role gets back (hits and
# facet counts) must be exactly what that role may see.
WORD = "Xylocarp"


@dataclass(frozen=True)
class Marker:
    text: str
    readers: frozenset


MARKERS = {
    "draft page": Marker(f"{WORD} never published plans", NOBODY),
    "newer draft of a live page": Marker(f"{WORD} unpublished retitling", NOBODY),
    "live page": Marker(f"{WORD} published heading", EVERYONE),
    "login-restricted page": Marker(f"{WORD} signed-in briefing", SIGNED_IN),
    "private document": Marker(f"{WORD} internal paper", SIGNED_IN),
    "members-only question": Marker(f"{WORD} members-only question", NETWORK),
    "members-only answer": Marker(f"{WORD} members-only answer", NETWORK),
    "contact name": Marker(f"Wanjiru {WORD}", EVERYONE),
    "contact e-mail": Marker("xylocarp.focal@example.org", NETWORK),
    "contact telephone": Marker("+254 700 551 309", NETWORK),
    "own country's draft need": Marker(f"{WORD} Kenya draft need", {"npc", "secretariat"}),
    "other country's submitted need": Marker(f"{WORD} Jamaica submitted need", {"secretariat"}),
    "validated need": Marker(f"{WORD} Jamaica validated need", {"donor", "secretariat"}),
    "published need": Marker(f"{WORD} Jamaica published need", EVERYONE),
    "need contact": Marker("xylocarp.need@example.org", {"secretariat"}),
    "own draft resource": Marker(f"{WORD} UNSCAR draft call", {"donor", "secretariat"}),
    "other donor's draft resource": Marker(f"{WORD} EU draft call", {"secretariat"}),
    "resource contact": Marker("xylocarp.fund@example.org", {"secretariat"}),
    "own country's report draft": Marker(f"{WORD} Kenya report draft", {"npc", "secretariat"}),
    "other country's report draft": Marker(f"{WORD} Jamaica report draft", {"secretariat"}),
    "other country's report file": Marker(f"{WORD} Jamaica report file", {"secretariat"}),
    "live report": Marker(f"{WORD} Kenya report 2024", EVERYONE),
    "newer draft of a live report": Marker(f"{WORD} Kenya report revision", {"npc", "secretariat"}),
    "own country's assessment": Marker(f"{WORD} Kenya MOSAIC baseline", {"npc", "secretariat"}),
    "other country's assessment": Marker(f"{WORD} Jamaica MOSAIC draft", {"secretariat"}),
    "shared assessment": Marker(f"{WORD} Jamaica MOSAIC shared", EVERYONE),
}


def text(name):
    return MARKERS[name].text


# --- The world ---------------------------------------------------------------------------------


def english(model, code):
    return model.objects.get(code=code, locale__language_code="en")


def make_user(django_user_model, username, group=None, country=None, organisation=None):
    user = django_user_model.objects.create_user(username, password=f"{username}-password-1")
    if group:
        user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.create(
        user=user,
        country=english(Country, country) if country else None,
        organisation=english(Organisation, organisation) if organisation else None,
    )
    return user


def make_need(title, country, status, consent=False, **fields):
    need = Need.objects.create(
        title=title,
        country=Country.objects.by_code(country),
        amount=Decimal(50_000),
        currency="USD",
        start_date=date(2027, 3, 1),
        duration_months=12,
        status=status,
        priority=2,
        consent_to_publish=consent,
        **fields,
    )
    need.themes.set(ThematicArea.objects.by_codes(["marking"]))
    need.forms.set(AssistanceForm.objects.by_codes(["financial"]))
    return need


def make_resource(title, provider, status, **fields):
    resource = Resource.objects.create(
        title=title,
        kind=Resource.Kind.FUND,
        status=status,
        grant_cap=Decimal(200_000),
        grant_floor=Decimal(0),
        currency="USD",
        is_global=True,
        rolling=True,
        provider=Organisation.objects.by_code(provider),
        **fields,
    )
    resource.themes.set(ThematicArea.objects.by_codes(["marking"]))
    resource.forms.set(AssistanceForm.objects.by_codes(["financial"]))
    return resource


@dataclass
class World:
    users: dict
    ids: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module in a transaction rolled back at its end; each test runs in a
    savepoint inside it, so writes of one test are gone for the next."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        eager = app.conf.task_always_eager
        app.conf.task_always_eager = True  # index updates and profile refreshes, in here
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                built = build_world(get_user_model())
            app.conf.task_always_eager = eager
            yield built
        finally:
            app.conf.task_always_eager = eager
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def build_world(django_user_model):
    users = {
        "learner": make_user(django_user_model, "matrix-learner"),
        "member": make_user(django_user_model, "matrix-member"),
        "npc": make_user(
            django_user_model, "matrix-npc-ke", roles.NATIONAL_POINTS_OF_CONTACT, "KE"
        ),
        "donor": make_user(django_user_model, "matrix-unscar", roles.DONORS, organisation="unscar"),
        "secretariat": make_user(django_user_model, "matrix-unoda", roles.SECRETARIAT),
    }
    world = World(users)
    ids = world.ids
    MemberProfile.objects.create(
        user=users["member"],
        status=MemberProfile.Status.ACTIVE,
        display_name="Matrix member",
        role=MemberProfile.Role.EXPERT,
        country=english(Country, "KE"),
        approved_posts=5,
    )

    # Pages: a draft, a live page with a newer draft, a page for signed-in users only.
    home = HomePage.objects.get(locale__language_code="en")

    def add_page(slug, title, publish=True):
        page = SectionPage(title=title, slug=slug, live=False)
        home.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page

    ids["draft page"] = add_page("matrix-draft", text("draft page"), publish=False).pk
    edited = add_page("matrix-edited", text("live page"))
    edited.title = text("newer draft of a live page")
    edited.save_revision()
    ids["live page"] = edited.pk
    login = add_page("matrix-login", text("login-restricted page"))
    PageViewRestriction.objects.create(page=login, restriction_type="login")
    ids["login page"] = login.pk
    # A public best practice that points at the restricted page must not reveal it.
    practice = BestPracticePage.objects.live().filter(locale__language_code="en").first()
    BestPracticeRelatedPage.objects.create(page=practice, related=login)
    ids["best practice"] = practice.pk

    private = Collection.get_first_root_node().add_child(name="Matrix internal papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = Document(title=text("private document"), collection=private)
    document.file.save("matrix-internal.txt", ContentFile(b"internal"), save=True)
    ids["private document"] = document.pk
    ids["image"] = Image.objects.values_list("pk", flat=True).first()

    # The network: a members-only thread.
    marking = english(ThematicArea, "marking")
    question = Question.objects.create(
        title=text("members-only question"),
        body="How are imported pistols marked?",
        theme=marking,
        language="en",
        author=users["member"],
    )
    answer = Answer.objects.create(
        question=question, body=text("members-only answer"), author=users["member"]
    )
    comment = Comment.objects.create(
        question=question, body="Thank you, very useful.", author=users["member"]
    )
    ids.update(question=question.pk, answer=answer.pk, comment=comment.pk)

    contact = PointOfContact.objects.create(
        country=english(Country, "KE"),
        instrument=PointOfContact.Instrument.choices[0][0],
        name=text("contact name"),
        organisation="Kenya National Focus Point on Small Arms",
        email=text("contact e-mail"),
        telephone=text("contact telephone"),
    )
    ids["contact"] = contact.pk

    # Needs of Kenya (the point of contact's country) and of Jamaica.
    ids["ke draft need"] = make_need(text("own country's draft need"), "KE", Need.Status.DRAFT).pk
    # Kenya's draft was proposed from its national report, for its point of contact to decide.
    StatedNeed.objects.create(
        need_id=ids["ke draft need"],
        country_code="KE",
        cycle_code="BMS9",
        question_code="poa-iii-needs",
        entry_id="matrix-entry",
    )
    ids["jm submitted need"] = make_need(
        text("other country's submitted need"), "JM", Need.Status.SUBMITTED
    ).pk
    validated = make_need(text("validated need"), "JM", Need.Status.VALIDATED)
    ids["jm validated need"] = validated.pk
    ids["jm published need"] = make_need(
        text("published need"),
        "JM",
        Need.Status.PUBLISHED,
        consent=True,
        contact_name="Need contact",
        contact_email=text("need contact"),
    ).pk

    # Resources of the donor's organisation (UNSCAR) and of another (the EU).
    ids["own draft resource"] = make_resource(
        text("own draft resource"), "unscar", Resource.Status.DRAFT
    ).pk
    ids["other draft resource"] = make_resource(
        text("other donor's draft resource"), "eu", Resource.Status.DRAFT
    ).pk
    ids["other resource"] = make_resource(
        "Matrix EU open call",
        "eu",
        Resource.Status.ACTIVE,
        contact_name="Fund contact",
        contact_email=text("resource contact"),
    ).pk
    own_active = make_resource("Matrix UNSCAR open call", "unscar", Resource.Status.ACTIVE)
    ids["own resource"] = own_active.pk
    match = Match.objects.filter(need=validated, resource_key=str(own_active.pk)).first()
    if match is None:
        match = Match.objects.create(need=validated, resource_key=str(own_active.pk), score=0.5)
        MatchResource.objects.create(match=match, resource=own_active, amount_usd=50_000)
    ids["match"] = match.pk

    # A start date: IATI describes no activity without one, and an empty export is refused.
    project = Project.objects.create(
        code="MATRIX-1", title="Matrix marking project", start_date=date(2026, 1, 15)
    )
    project.focus_countries.set([english(Country, "KE")])
    project.needs.set([ids["jm submitted need"], ids["jm published need"]])
    ids["project"] = project.pk

    # National reports: drafts of Kenya and Jamaica, a live Kenyan report with a newer draft.
    locale = Locale.objects.get(language_code="en")
    index = NationalReportIndexPage.objects.get(locale=locale)

    def add_report(title, country, cycle, publish=False, files=()):
        report = NationalReportPage(
            title=title,
            country=english(Country, country),
            cycle=ReportingCycle.objects.get(code=cycle),
            instrument="poa_iti",
            live=False,
        )
        report.files = [NationalReportFile(language="en", document=file) for file in files]
        index.add_child(instance=report)
        revision = report.save_revision()
        if publish:
            revision.publish()
        return report

    ids["ke report draft"] = add_report(text("own country's report draft"), "KE", "BMS8").pk
    # A draft's file sits in the collection the secretariat alone may read.
    report_file = Document(
        title=text("other country's report file"), collection=report_files_collection()
    )
    report_file.file.save("matrix-jamaica.pdf", ContentFile(b"%PDF-1.7 draft"), save=True)
    ids["report file"] = report_file.pk
    ids["jm report draft"] = add_report(
        text("other country's report draft"), "JM", "BMS8", files=[report_file]
    ).pk
    live_report = add_report(text("live report"), "KE", "RevCon4", publish=True)
    live_report.title = text("newer draft of a live report")
    live_report.save_revision()
    ids["ke live report"] = live_report.pk

    # The learner's own enrolment and quiz attempt.
    course = CoursePage.objects.live().filter(locale__language_code="en").first()
    quiz = QuizPage.objects.live().descendant_of(course).first()
    lesson = LessonPage.objects.live().descendant_of(course).first()
    ids["lesson"] = lesson.pk
    enrolment = Enrolment.objects.create(
        user=users["learner"], course=course, course_key=course.translation_key, language="en"
    )
    attempt, _created = start_attempt(enrolment, quiz)
    ids.update(course=course.pk, quiz=quiz.pk, enrolment=enrolment.pk, attempt=attempt.pk)

    # MOSAIC self-assessments: two of Kenya (private), one private and one shared of Jamaica.
    def add_assessment(title, country, shared=False):
        assessment = Assessment.objects.create(
            title=title, country=english(Country, country), shared=shared
        )
        assessment.modules.set([english(MosaicModule, "05.30")])
        clause = Clause.objects.get(module__code="05.30", number="5.2.1")
        ClauseRating.objects.create(assessment=assessment, clause=clause, rating="partial")
        return assessment.pk

    ids["ke earlier assessment"] = add_assessment("Matrix Kenya MOSAIC 2024", "KE")
    ids["ke assessment"] = add_assessment(text("own country's assessment"), "KE")
    ids["jm assessment"] = add_assessment(text("other country's assessment"), "JM")
    ids["jm shared assessment"] = add_assessment(text("shared assessment"), "JM", shared=True)
    return world


def client_for(world, role):
    """Tokens for API clients; the secretariat uses the admin's session, as editors do."""
    client = APIClient()
    if role == "secretariat":
        client.force_login(world.users[role])
    elif role != "anonymous":
        token = Token.objects.get_or_create(user=world.users[role])[0]
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


# --- Expected statuses --------------------------------------------------------------------------


def statuses(default, **by_role):
    return {role: by_role.get(role, default) for role in ROLES}


PUBLIC = statuses(200)
# The signed-in client's own records: 401 without credentials.
PERSONAL = statuses(200, anonymous=401)
# Another client's record: 404, as for one that does not exist.
LEARNERS_OWN = statuses(404, anonymous=401, learner=200)
MEMBERS_ONLY = statuses(403, anonymous=401, member=200, secretariat=200)
NOT_FOUND = statuses(404)


@dataclass(frozen=True)
class Read:
    path: str  # as the OpenAPI schema names it
    url: str  # with {ids} of the world filled in
    status: dict
    shows: tuple = ()  # markers this answer must carry for those allowed to read them
    check: object = None  # a further check: check(role, response, ids) -> a problem or None

    def __str__(self):
        return self.url


def serves_the_live_revision(role, response, ids):
    # The author's newer draft is theirs to read through /national-reports/, not here.
    title = response.json()["title"]
    return None if title == text("live report") else f"serves the title {title!r}"


def no_contact_details(role, response, ids):
    if role in NETWORK:
        return None
    data = response.json()
    items = data.get("items", [data])
    if any("email" in item or "telephone" in item for item in items):
        return "e-mail or telephone of a point of contact"
    return None


def search_counts_match_hits(role, response, ids):
    data = response.json()
    hits = {item["kind"] for item in data["items"]}
    counted = {kind for kind, count in data["facets"].get("kind", {}).items() if count}
    if data["meta"]["total_count"] != len(data["items"]) or counted != hits:
        return f"facets {data['facets'].get('kind')} against hits {sorted(hits)}"
    return None


def coverage_counts_visible_needs(role, response, ids):
    # Coverage counts validated needs; the public's figures, only those published with consent.
    counted = Need.objects.filter(country__code="JM", status__in=Need.VALIDATED_STATUSES)
    if role not in ("donor", "secretariat"):
        counted = counted.filter(status__in=Need.PUBLIC_STATUSES, consent_to_publish=True)
    totals = response.json()["totals"]
    if totals["needs"] != counted.count():
        return f"counts {totals['needs']} needs, expected {counted.count()}"
    return None


def project_lists_visible_needs(role, response, ids):
    needs = set(response.json()["needs"])
    expected = {ids["jm published need"]}
    if role == "secretariat":
        expected.add(ids["jm submitted need"])
    return None if needs == expected else f"lists the needs {sorted(needs)}"


Q = "/api/v2/network/questions/{question}"
READS = [
    Read("/api/v2/", "/api/v2/", PUBLIC),
    Read(
        "/api/v2/pages/",
        "/api/v2/pages/?locale=en&order=-id&limit=50",
        PUBLIC,
        shows=("live page", "login-restricted page"),
    ),
    Read("/api/v2/pages/{id}/", "/api/v2/pages/{draft page}/", NOT_FOUND),
    Read(
        "/api/v2/pages/{id}/",
        "/api/v2/pages/{ke live report}/",
        PUBLIC,
        shows=("live report",),
        check=serves_the_live_revision,
    ),
    Read("/api/v2/pages/{id}/", "/api/v2/pages/{live page}/", PUBLIC, shows=("live page",)),
    Read(
        "/api/v2/pages/{id}/",
        "/api/v2/pages/{login page}/",
        statuses(200, anonymous=404),
        shows=("login-restricted page",),
    ),
    Read("/api/v2/pages/{id}/", "/api/v2/pages/{best practice}/", PUBLIC),
    Read("/api/v2/pages/find/", "/api/v2/pages/find/?html_path=/matrix-draft/", NOT_FOUND),
    Read(
        "/api/v2/pages/find/",
        "/api/v2/pages/find/?html_path=/matrix-login/",
        statuses(302, anonymous=404),
    ),
    Read("/api/v2/images/", "/api/v2/images/", PUBLIC),
    Read("/api/v2/images/{id}/", "/api/v2/images/{image}/", PUBLIC),
    Read("/api/v2/images/find/", "/api/v2/images/find/?id={image}", statuses(302)),
    Read(
        "/api/v2/documents/",
        "/api/v2/documents/?order=-id",
        PUBLIC,
        shows=("private document", "other country's report file"),
    ),
    Read(
        "/api/v2/documents/{id}/",
        "/api/v2/documents/{private document}/",
        statuses(200, anonymous=404),
        shows=("private document",),
    ),
    Read(
        "/api/v2/documents/{id}/",
        "/api/v2/documents/{report file}/",
        statuses(404, secretariat=200),
        shows=("other country's report file",),
    ),
    Read(
        "/api/v2/documents/find/",
        "/api/v2/documents/find/?id={private document}",
        statuses(302, anonymous=404),
    ),
    Read("/api/v2/countries/", "/api/v2/countries/?locale=fr", PUBLIC),
    Read("/api/v2/countries/{code}/", "/api/v2/countries/KE/", PUBLIC),
    Read(
        "/api/v2/countries/{code}/profile/",
        "/api/v2/countries/KE/profile/",
        PUBLIC,
        shows=("contact name", "contact e-mail", "contact telephone", "own country's draft need"),
        check=no_contact_details,
    ),
    Read("/api/v2/countries/{code}/profile/", "/api/v2/countries/JM/profile/", PUBLIC),
    Read("/api/v2/regions/", "/api/v2/regions/", PUBLIC),
    Read("/api/v2/regions/{code}/", "/api/v2/regions/002/", PUBLIC),
    Read("/api/v2/themes/", "/api/v2/themes/", PUBLIC),
    Read("/api/v2/themes/{code}/", "/api/v2/themes/marking/", PUBLIC),
    Read("/api/v2/mosaic-modules/", "/api/v2/mosaic-modules/", PUBLIC),
    Read("/api/v2/mosaic-modules/{code}/", "/api/v2/mosaic-modules/05.30/", PUBLIC),
    Read("/api/v2/mosaic/clauses/", "/api/v2/mosaic/clauses/?module=05.30&locale=ar", PUBLIC),
    Read(
        "/api/v2/mosaic/assessments/",
        "/api/v2/mosaic/assessments/?limit=100",
        PUBLIC,
        shows=("own country's assessment", "other country's assessment", "shared assessment"),
    ),
    Read(
        "/api/v2/mosaic/assessments/{id}/",
        "/api/v2/mosaic/assessments/{ke assessment}/",
        statuses(404, npc=200, secretariat=200),
        shows=("own country's assessment",),
    ),
    Read(
        "/api/v2/mosaic/assessments/{id}/",
        "/api/v2/mosaic/assessments/{jm assessment}/",
        statuses(404, secretariat=200),
        shows=("other country's assessment",),
    ),
    Read(
        "/api/v2/mosaic/assessments/{id}/",
        "/api/v2/mosaic/assessments/{jm shared assessment}/?locale=fr",
        PUBLIC,
        shows=("shared assessment",),
    ),
    Read(
        "/api/v2/mosaic/assessments/{id}/progress/",
        "/api/v2/mosaic/assessments/{ke assessment}/progress/?since={ke earlier assessment}",
        statuses(404, npc=200, secretariat=200),
    ),
    Read(
        "/api/v2/mosaic/assessments/{id}/export/",
        # Without a file format: 400 to those who may see it (no binary file to search).
        "/api/v2/mosaic/assessments/{ke assessment}/export/",
        statuses(404, npc=400, secretariat=400),
    ),
    Read("/api/v2/assistance-forms/", "/api/v2/assistance-forms/", PUBLIC),
    Read("/api/v2/assistance-forms/{code}/", "/api/v2/assistance-forms/financial/", PUBLIC),
    Read("/api/v2/organisations/", "/api/v2/organisations/", PUBLIC),
    Read("/api/v2/organisations/{code}/", "/api/v2/organisations/unscar/", PUBLIC),
    Read("/api/v2/organisation-types/", "/api/v2/organisation-types/", PUBLIC),
    Read("/api/v2/organisation-types/{code}/", "/api/v2/organisation-types/ngo/", PUBLIC),
    Read(
        "/api/v2/contacts/",
        "/api/v2/contacts/?country=KE&limit=100",
        PUBLIC,
        shows=("contact name", "contact e-mail", "contact telephone"),
        check=no_contact_details,
    ),
    Read(
        "/api/v2/contacts/{id}/",
        "/api/v2/contacts/{contact}/",
        PUBLIC,
        shows=("contact name", "contact e-mail"),
        check=no_contact_details,
    ),
    Read(
        "/api/v2/contacts/export/",
        "/api/v2/contacts/export/?country=KE",
        statuses(403, anonymous=401, secretariat=200),
        shows=("contact e-mail",),
    ),
    Read(
        "/api/v2/national-reports/",
        "/api/v2/national-reports/?limit=100",
        PERSONAL,
        shows=("own country's report draft", "newer draft of a live report"),
    ),
    Read(
        "/api/v2/national-reports/{id}/",
        "/api/v2/national-reports/{ke report draft}/",
        statuses(403, anonymous=401, npc=200, secretariat=200),
        shows=("own country's report draft",),
    ),
    Read(
        "/api/v2/national-reports/{id}/",
        "/api/v2/national-reports/{jm report draft}/",
        statuses(403, anonymous=401, secretariat=200),
        shows=("other country's report draft", "other country's report file"),
    ),
    Read(
        "/api/v2/national-reports/{id}/diff/",
        "/api/v2/national-reports/{ke report draft}/diff/",
        statuses(403, anonymous=401, npc=200, secretariat=200),
    ),
    Read(
        "/api/v2/national-reports/{id}/diff/",
        "/api/v2/national-reports/{jm report draft}/diff/",
        statuses(403, anonymous=401, secretariat=200),
    ),
    Read("/api/v2/questionnaires/", "/api/v2/questionnaires/?locale=fr", PUBLIC),
    Read("/api/v2/questionnaires/{code}/", "/api/v2/questionnaires/v2026/", PUBLIC),
    Read("/api/v2/questionnaires/{code}/", "/api/v2/questionnaires/v1999/", NOT_FOUND),
    Read("/api/v2/report-answers/", "/api/v2/report-answers/?country=KE,JM", PUBLIC),
    Read("/api/v2/reporting-cycles/", "/api/v2/reporting-cycles/?locale=fr", PUBLIC),
    Read("/api/v2/reporting-cycles/{code}/", "/api/v2/reporting-cycles/BMS9/", PUBLIC),
    Read("/api/v2/reporting-cycles/{code}/", "/api/v2/reporting-cycles/BMS99/", NOT_FOUND),
    Read("/api/v2/analysis/questions/", "/api/v2/analysis/questions/?locale=fr", PUBLIC),
    Read(
        "/api/v2/analysis/answers/",
        "/api/v2/analysis/answers/?question=poa-ii-4-coordination-agency",
        PUBLIC,
    ),
    Read(
        "/api/v2/analysis/answers/map.svg",
        "/api/v2/analysis/answers/map.svg?question=poa-ii-4-coordination-agency",
        PUBLIC,
    ),
    Read(
        "/api/v2/analysis/answers/chart.svg",
        "/api/v2/analysis/answers/chart.svg?question=poa-ii-4-coordination-agency",
        PUBLIC,
    ),
    Read(
        "/api/v2/analysis/trends/",
        "/api/v2/analysis/trends/?question=poa-ii-4-coordination-agency",
        PUBLIC,
    ),
    Read(
        "/api/v2/analysis/trends/chart.svg",
        "/api/v2/analysis/trends/chart.svg?question=poa-ii-4-coordination-agency",
        PUBLIC,
    ),
    Read("/api/v2/analysis/reporting-rates/", "/api/v2/analysis/reporting-rates/", PUBLIC),
    Read(
        "/api/v2/analysis/reporting-rates/map.svg",
        "/api/v2/analysis/reporting-rates/map.svg?cycle=BMS8",
        PUBLIC,
    ),
    Read(
        "/api/v2/analysis/reporting-rates/chart.svg",
        "/api/v2/analysis/reporting-rates/chart.svg",
        PUBLIC,
    ),
    Read("/api/v2/analysis/changes/", "/api/v2/analysis/changes/?country=KE", PUBLIC),
    # Drawing the PDF takes tens of seconds, and its bytes are no text to search for markers:
    # an unknown cycle is refused alike for every role (no sign-in needed); the document
    # itself is read in tests/analysis/test_report_pdf.py.
    Read("/api/v2/analysis/report.pdf", "/api/v2/analysis/report.pdf?cycle=BMS99", statuses(400)),
    Read(
        "/api/v2/reporting-status/",
        "/api/v2/reporting-status/?locale=en",
        PUBLIC,
    ),
    Read(
        "/api/v2/needs/",
        "/api/v2/needs/?limit=100",
        PUBLIC,
        shows=(
            "published need",
            "own country's draft need",
            "other country's submitted need",
            "validated need",
        ),
    ),
    Read(
        "/api/v2/needs/{id}/",
        "/api/v2/needs/{ke draft need}/",
        statuses(404, npc=200, secretariat=200),
        shows=("own country's draft need",),
    ),
    Read(
        "/api/v2/needs/{id}/",
        "/api/v2/needs/{jm submitted need}/",
        statuses(404, secretariat=200),
    ),
    Read(
        "/api/v2/needs/{id}/",
        "/api/v2/needs/{jm validated need}/",
        statuses(404, donor=200, secretariat=200),
    ),
    Read(
        "/api/v2/needs/{id}/",
        "/api/v2/needs/{jm published need}/",
        PUBLIC,
        shows=("published need", "need contact"),
    ),
    Read(
        "/api/v2/resources/",
        "/api/v2/resources/?limit=100",
        PUBLIC,
        shows=("own draft resource", "other donor's draft resource", "resource contact"),
    ),
    Read(
        "/api/v2/resources/{id}/",
        "/api/v2/resources/{own draft resource}/",
        statuses(404, donor=200, secretariat=200),
    ),
    Read(
        "/api/v2/resources/{id}/",
        "/api/v2/resources/{other draft resource}/",
        statuses(404, secretariat=200),
    ),
    Read(
        "/api/v2/resources/{id}/",
        "/api/v2/resources/{other resource}/",
        PUBLIC,
        shows=("resource contact",),
    ),
    Read("/api/v2/matches/", "/api/v2/matches/?limit=100", PUBLIC, shows=("validated need",)),
    Read(
        "/api/v2/matches/{id}/",
        "/api/v2/matches/{match}/",
        statuses(404, donor=200, secretariat=200),
        shows=("validated need",),
    ),
    Read("/api/v2/projects/", "/api/v2/projects/?limit=100", PUBLIC),
    # The IATI file of the same projects: their needs' titles are never written.
    Read("/api/v2/projects/iati/", "/api/v2/projects/iati/", PUBLIC),
    Read(
        "/api/v2/projects/{id}/",
        "/api/v2/projects/{project}/",
        PUBLIC,
        check=project_lists_visible_needs,
    ),
    Read(
        "/api/v2/assistance/coverage/",
        "/api/v2/assistance/coverage/?country=JM",
        PUBLIC,
        check=coverage_counts_visible_needs,
    ),
    Read(
        "/api/v2/search/",
        f"/api/v2/search/?q={WORD}&locale=en&page_size=50",
        PUBLIC,
        shows=("live page", "members-only question", "published need"),
        check=search_counts_match_hits,
    ),
    Read(
        "/api/v2/search/",
        f"/api/v2/search/?q={WORD}&all_languages=true&page_size=50",
        PUBLIC,
        check=search_counts_match_hits,
    ),
    Read(
        "/api/v2/search/suggest/",
        f"/api/v2/search/suggest/?q={WORD[:5]}&locale=en&limit=20",
        PUBLIC,
    ),
    Read("/api/v2/preview/", "/api/v2/preview/?token=not-a-token", NOT_FOUND),
    Read("/api/v2/learning/courses/", "/api/v2/learning/courses/", PUBLIC),
    Read("/api/v2/learning/courses/{id}/", "/api/v2/learning/courses/{course}/", PUBLIC),
    Read("/api/v2/learning/enrolments/", "/api/v2/learning/enrolments/", PERSONAL),
    Read(
        "/api/v2/learning/enrolments/{id}/",
        "/api/v2/learning/enrolments/{enrolment}/",
        LEARNERS_OWN,
    ),
    Read("/api/v2/learning/attempts/{id}/", "/api/v2/learning/attempts/{attempt}/", LEARNERS_OWN),
    Read(
        "/api/v2/learning/quizzes/{id}/attempts/",
        "/api/v2/learning/quizzes/{quiz}/attempts/",
        statuses(400, anonymous=401, learner=200),
    ),
    Read("/api/v2/learning/certificates/", "/api/v2/learning/certificates/", PERSONAL),
    Read(
        "/api/v2/network/questions/",
        "/api/v2/network/questions/",
        MEMBERS_ONLY,
        shows=("members-only question",),
    ),
    Read(
        "/api/v2/network/questions/{id}/",
        Q + "/",
        MEMBERS_ONLY,
        shows=("members-only question", "members-only answer"),
    ),
    Read(
        "/api/v2/network/questions/{id}/answers/",
        Q + "/answers/",
        MEMBERS_ONLY,
        shows=("members-only answer",),
    ),
    Read("/api/v2/network/questions/{id}/comments/", Q + "/comments/", MEMBERS_ONLY),
    Read(
        "/api/v2/network/questions/{id}/revisions/",
        Q + "/revisions/",
        MEMBERS_ONLY,
    ),
    Read(
        "/api/v2/network/questions/{question_pk}/answers/{id}/",
        Q + "/answers/{answer}/",
        MEMBERS_ONLY,
        shows=("members-only answer",),
    ),
    Read(
        "/api/v2/network/questions/{question_pk}/comments/{id}/",
        Q + "/comments/{comment}/",
        MEMBERS_ONLY,
    ),
    Read("/api/v2/network/themes/", "/api/v2/network/themes/", MEMBERS_ONLY),
    Read("/api/v2/network/themes/{code}/", "/api/v2/network/themes/marking/", MEMBERS_ONLY),
    Read(
        "/api/v2/network/membership/",
        "/api/v2/network/membership/",
        statuses(404, anonymous=401, member=200),
    ),
    Read(
        "/api/v2/network/membership/export/",
        "/api/v2/network/membership/export/",
        statuses(404, anonymous=401, member=200),
    ),
]


def schema_operations(client, method):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    return {path for path, operations in paths.items() if method in operations}


def test_every_get_endpoint_has_a_row(client):
    assert schema_operations(client, "get") == {read.path for read in READS}


def test_every_write_endpoint_has_a_row(client):
    for method in ("post", "put", "patch", "delete"):
        covered = {write.path for write in WRITES if write.method == method}
        assert schema_operations(client, method) - WRITE_EXEMPT.get(method, set()) == covered


# Roles in the order they ask: the signed-in first, then the public twice, so that a cached
# answer to a signed-in client, were there one, would be served to the public.
ASKING_ORDER = ("secretariat", "member", "npc", "donor", "learner", "anonymous", "anonymous")


def leaks(role, body):
    return [
        name
        for name, marker in MARKERS.items()
        if role not in marker.readers and marker.text in body
    ]


@pytest.mark.parametrize("cache", ["uncached", "cached"])
@pytest.mark.parametrize("read", READS, ids=str)
def test_each_role_reads_exactly_what_it_may(world, read, cache, settings):
    if cache == "uncached":
        settings.API_RESPONSE_CACHE_TIMEOUT = 0
    url = read.url.format(**world.ids)
    errors = []
    answers = []
    for role in ASKING_ORDER:
        response = client_for(world, role).get(url)
        body = response.content.decode()
        answers.append(body)
        expected = read.status[role]
        if response.status_code != expected:
            errors.append(f"{role}: status {response.status_code}, expected {expected}")
            continue
        errors += [f"{role}: sees the {name}" for name in leaks(role, body)]
        if response.status_code == 200:
            missing = [
                name
                for name in read.shows
                if role in MARKERS[name].readers and MARKERS[name].text not in body
            ]
            errors += [f"{role}: does not see the {name}" for name in missing]
            problem = read.check(role, response, world.ids) if read.check else None
            if problem:
                errors.append(f"{role}: {problem}")
    if answers[-1] != answers[-2]:
        errors.append("anonymous: a second request was answered differently")
    assert not errors, f"{url}\n" + "\n".join(errors)


# --- Writes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Write:
    method: str
    path: str
    url: str
    status: dict
    data: dict = field(default_factory=dict)
    name: str = ""
    format: str = "json"

    def __str__(self):
        return f"{self.method.upper()} {self.url} {self.name}".strip()


def need_payload(country):
    return {
        "title": "Marking equipment for the national police",
        "description": "Two marking machines and training for their operators.",
        "country": country,
        "themes": ["marking"],
        "forms": ["equipment"],
        "amount": "40000",
        "currency": "USD",
        "start_date": "2027-06-01",
        "duration_months": 12,
        "priority": 2,
    }


RESOURCE = {
    "kind": "fund",
    "status": "draft",
    "title": "Rapid-response window",
    "description": "Small grants for urgent marking projects.",
    "provider": "unscar",
    "themes": ["marking"],
    "forms": ["financial"],
    "is_global": True,
    "currency": "USD",
    "grant_cap": "100000",
    "rolling": True,
}

WRITES = [
    Write(
        "post",
        "/api/v2/needs/",
        "/api/v2/needs/",
        statuses(403, anonymous=401, npc=201, secretariat=201),
        need_payload("KE"),
        "for Kenya",
    ),
    Write(
        "post",
        "/api/v2/needs/",
        "/api/v2/needs/",
        # A point of contact is told which field is wrong: the country (as a donor is for
        # another organisation's resource, below).
        statuses(403, anonymous=401, npc=400, secretariat=201),
        need_payload("JM"),
        "for Jamaica",
    ),
    Write(
        "patch",
        "/api/v2/needs/{id}/",
        "/api/v2/needs/{ke draft need}/",
        statuses(404, anonymous=401, npc=200, secretariat=200),
        {"title": "Marking machines"},
    ),
    Write(
        "patch",
        "/api/v2/needs/{id}/",
        "/api/v2/needs/{jm published need}/",
        statuses(403, anonymous=401, secretariat=200),
        {"title": "Marking machines"},
    ),
    Write(
        "put",
        "/api/v2/needs/{id}/",
        "/api/v2/needs/{jm validated need}/",
        statuses(404, anonymous=401, donor=403, secretariat=200),
        need_payload("JM"),
    ),
    Write(
        "delete",
        "/api/v2/needs/{id}/",
        "/api/v2/needs/{jm submitted need}/",
        statuses(404, anonymous=401, secretariat=204),
    ),
    Write(
        "post",
        "/api/v2/needs/{id}/transition/",
        "/api/v2/needs/{ke draft need}/transition/",
        statuses(404, anonymous=401, npc=200, secretariat=200),
        {"status": "submitted"},
    ),
    Write(
        "post",
        "/api/v2/needs/{id}/confirm/",
        "/api/v2/needs/{ke draft need}/confirm/",
        statuses(404, anonymous=401, npc=200, secretariat=200),
    ),
    Write(
        "post",
        "/api/v2/needs/{id}/confirm/",
        "/api/v2/needs/{jm published need}/confirm/",
        # Only the State decides on its needs; and this one was not proposed from a report.
        statuses(403, anonymous=401, secretariat=400),
        name="not from a report",
    ),
    Write(
        "post",
        "/api/v2/needs/{id}/discard/",
        "/api/v2/needs/{ke draft need}/discard/",
        statuses(404, anonymous=401, npc=200, secretariat=200),
    ),
    Write(
        "post",
        "/api/v2/resources/",
        "/api/v2/resources/",
        statuses(403, anonymous=401, donor=201, secretariat=201),
        RESOURCE,
        "for UNSCAR",
    ),
    Write(
        "post",
        "/api/v2/resources/",
        "/api/v2/resources/",
        statuses(403, anonymous=401, donor=400, secretariat=201),
        {**RESOURCE, "provider": "eu"},
        "for the EU",
    ),
    Write(
        "patch",
        "/api/v2/resources/{id}/",
        "/api/v2/resources/{own draft resource}/",
        statuses(404, anonymous=401, donor=200, secretariat=200),
        {"title": "Rapid-response window"},
    ),
    Write(
        "put",
        "/api/v2/resources/{id}/",
        "/api/v2/resources/{other resource}/",
        statuses(403, anonymous=401, secretariat=200),
        {**RESOURCE, "provider": "eu", "status": "active"},
    ),
    Write(
        "delete",
        "/api/v2/resources/{id}/",
        "/api/v2/resources/{other resource}/",
        statuses(403, anonymous=401, secretariat=204),
    ),
    Write(
        "post",
        "/api/v2/matches/{id}/review/",
        "/api/v2/matches/{match}/review/",
        statuses(404, anonymous=401, donor=200, secretariat=200),
        {"status": "under_discussion"},
    ),
    Write(
        "post",
        "/api/v2/matches/{id}/feedback/",
        "/api/v2/matches/{match}/feedback/",
        statuses(404, anonymous=401, donor=200, secretariat=200),
        {"side": "provider", "need_met": True},
    ),
    Write(
        "post",
        "/api/v2/projects/",
        "/api/v2/projects/",
        statuses(403, anonymous=401, secretariat=201),
        {"code": "MATRIX-2", "title": "Stockpile security", "focus_countries": ["KE"]},
    ),
    Write(
        "patch",
        "/api/v2/projects/{id}/",
        "/api/v2/projects/{project}/",
        statuses(403, anonymous=401, secretariat=200),
        {"title": "Marking and tracing"},
    ),
    Write(
        "put",
        "/api/v2/projects/{id}/",
        "/api/v2/projects/{project}/",
        statuses(403, anonymous=401, secretariat=200),
        {"code": "MATRIX-1", "title": "Marking and tracing"},
    ),
    Write(
        "delete",
        "/api/v2/projects/{id}/",
        "/api/v2/projects/{project}/",
        statuses(403, anonymous=401, secretariat=204),
    ),
    Write(
        "post",
        "/api/v2/national-reports/",
        "/api/v2/national-reports/",
        statuses(403, anonymous=401, npc=201, secretariat=201),
        {"country": "KE", "instrument": "poa_iti", "cycle": "BMS9"},
        "for Kenya",
    ),
    Write(
        "post",
        "/api/v2/national-reports/",
        "/api/v2/national-reports/",
        # Reports are filed for the cycle open for submissions (BMS9) only.
        statuses(403, anonymous=401, npc=400, secretariat=400),
        {"country": "KE", "instrument": "poa_iti", "cycle": "BMS8"},
        "for Kenya in a closed cycle",
    ),
    Write(
        "post",
        "/api/v2/national-reports/",
        "/api/v2/national-reports/",
        # A point of contact is told which field is wrong: the country, as for needs.
        statuses(403, anonymous=401, npc=400, secretariat=201),
        {"country": "JM", "instrument": "poa_iti", "cycle": "BMS9"},
        "for Jamaica",
    ),
    Write(
        "patch",
        "/api/v2/national-reports/{id}/",
        "/api/v2/national-reports/{jm report draft}/",
        statuses(403, anonymous=401, secretariat=200),
        {"title": "Jamaica: national report"},
    ),
    Write(
        "post",
        "/api/v2/national-reports/{id}/submit/",
        "/api/v2/national-reports/{jm report draft}/submit/",
        # The draft leaves the questionnaire's required questions open.
        statuses(403, anonymous=401, secretariat=400),
    ),
    Write(
        "post",
        "/api/v2/national-reports/{id}/reopen/",
        "/api/v2/national-reports/{jm report draft}/reopen/",
        # Only the secretariat reopens, and only a submitted (locked) report.
        statuses(403, anonymous=401, secretariat=409),
        {"reason": "Figures to correct."},
    ),
    Write(
        "delete",
        "/api/v2/national-reports/{id}/",
        "/api/v2/national-reports/{jm report draft}/",
        statuses(403, anonymous=401, secretariat=204),
    ),
    Write(
        "post",
        "/api/v2/national-reports/{id}/files/",
        "/api/v2/national-reports/{jm report draft}/files/",
        statuses(403, anonymous=401, secretariat=400),
        format="multipart",
    ),
    Write(
        "post",
        "/api/v2/network/questions/",
        "/api/v2/network/questions/",
        statuses(403, anonymous=401, member=201, secretariat=201),
        {
            "title": "Marking of imported rifles",
            "body": "Which marks do importers apply?",
            "theme": "marking",
            "language": "en",
        },
    ),
    Write(
        "patch",
        "/api/v2/network/questions/{id}/",
        Q + "/",
        statuses(403, anonymous=401, member=200, secretariat=200),
        {"title": "Marking of imported pistols, again"},
    ),
    Write(
        "post",
        "/api/v2/network/questions/{id}/answers/",
        Q + "/answers/",
        statuses(403, anonymous=401, member=201, secretariat=201),
        {"body": "Mark them at import."},
    ),
    Write(
        "post",
        "/api/v2/network/questions/{id}/comments/",
        Q + "/comments/",
        statuses(403, anonymous=401, member=201, secretariat=201),
        {"body": "Agreed."},
    ),
    Write(
        "post",
        "/api/v2/network/questions/{id}/votes/",
        Q + "/votes/",
        statuses(403, anonymous=401, member=400, secretariat=200),
        {"post": "{answer}", "value": 1},
    ),
    Write(
        "post",
        "/api/v2/network/questions/{id}/flags/",
        Q + "/flags/",
        statuses(403, anonymous=401, member=201, secretariat=201),
        {"post": "{answer}", "reason": "spam"},
    ),
    Write(
        "post",
        "/api/v2/network/questions/{id}/follow/",
        Q + "/follow/",
        statuses(403, anonymous=401, member=200, secretariat=200),
    ),
    Write(
        "delete",
        "/api/v2/network/questions/{id}/follow/",
        Q + "/follow/",
        statuses(403, anonymous=401, member=200, secretariat=200),
    ),
    Write(
        "patch",
        "/api/v2/network/questions/{question_pk}/answers/{id}/",
        Q + "/answers/{answer}/",
        statuses(403, anonymous=401, member=200, secretariat=200),
        {"body": "Mark them at import, on the frame."},
    ),
    Write(
        "post",
        "/api/v2/network/questions/{question_pk}/answers/{id}/accept/",
        Q + "/answers/{answer}/accept/",
        # Only the person who asked accepts an answer.
        statuses(403, anonymous=401, member=200),
    ),
    Write(
        "delete",
        "/api/v2/network/questions/{question_pk}/answers/{id}/accept/",
        Q + "/answers/{answer}/accept/",
        statuses(403, anonymous=401, member=400, secretariat=400),
    ),
    Write(
        "patch",
        "/api/v2/network/questions/{question_pk}/comments/{id}/",
        Q + "/comments/{comment}/",
        statuses(403, anonymous=401, member=200, secretariat=200),
        {"body": "Thank you."},
    ),
    Write(
        "post",
        "/api/v2/network/themes/{code}/follow/",
        "/api/v2/network/themes/marking/follow/",
        statuses(403, anonymous=401, member=200, secretariat=200),
    ),
    Write(
        "delete",
        "/api/v2/network/themes/{code}/follow/",
        "/api/v2/network/themes/marking/follow/",
        statuses(403, anonymous=401, member=200, secretariat=200),
    ),
    Write(
        "post",
        "/api/v2/network/membership/",
        "/api/v2/network/membership/",
        statuses(201, anonymous=401, member=400),
        {"display_name": "Applicant", "role": "expert"},
    ),
    Write(
        "patch",
        "/api/v2/network/membership/",
        "/api/v2/network/membership/",
        statuses(404, anonymous=401, member=200),
        {"digest": "daily"},
    ),
    Write(
        "delete",
        "/api/v2/network/membership/",
        "/api/v2/network/membership/",
        statuses(404, anonymous=401, member=204),
    ),
    Write(
        "post",
        "/api/v2/network/membership/accept-invitation/",
        "/api/v2/network/membership/accept-invitation/",
        statuses(403, anonymous=401),
    ),
    Write(
        "post",
        "/api/v2/learning/courses/{id}/enrol/",
        "/api/v2/learning/courses/{course}/enrol/",
        statuses(201, anonymous=401, learner=200),
    ),
    Write(
        "post",
        "/api/v2/learning/quizzes/{id}/attempts/",
        "/api/v2/learning/quizzes/{quiz}/attempts/",
        statuses(400, anonymous=401, learner=200),
    ),
    Write(
        "post",
        "/api/v2/learning/attempts/{id}/submit/",
        "/api/v2/learning/attempts/{attempt}/submit/",
        statuses(404, anonymous=401, learner=200),
        {"answers": {}},
    ),
    Write(
        "post",
        "/api/v2/learning/lessons/{id}/progress/",
        "/api/v2/learning/lessons/{lesson}/progress/",
        statuses(400, anonymous=401, learner=200),
        {"completed": True},
    ),
    Write(
        "post",
        "/api/v2/mosaic/assessments/",
        "/api/v2/mosaic/assessments/",
        statuses(403, anonymous=401, npc=201, secretariat=201),
        {"country": "KE", "modules": ["05.30"], "title": "Baseline"},
        "for Kenya",
    ),
    Write(
        "post",
        "/api/v2/mosaic/assessments/",
        "/api/v2/mosaic/assessments/",
        statuses(403, anonymous=401, npc=400, secretariat=201),
        {"country": "JM", "modules": ["05.30"], "title": "Baseline"},
        "for Jamaica",
    ),
    Write(
        "patch",
        "/api/v2/mosaic/assessments/{id}/",
        "/api/v2/mosaic/assessments/{ke assessment}/",
        statuses(404, anonymous=401, npc=200, secretariat=200),
        {"shared": True},
    ),
    Write(
        "patch",
        "/api/v2/mosaic/assessments/{id}/",
        "/api/v2/mosaic/assessments/{jm shared assessment}/",
        statuses(403, anonymous=401, secretariat=200),
        {"title": "Renamed"},
    ),
    Write(
        "post",
        "/api/v2/mosaic/assessments/{id}/ratings/",
        "/api/v2/mosaic/assessments/{ke assessment}/ratings/",
        statuses(404, anonymous=401, npc=200, secretariat=200),
        {"ratings": [{"clause": "05.30/5.1.1", "rating": "fully", "priority": "high"}]},
    ),
    Write(
        "post",
        "/api/v2/mosaic/assessments/{id}/propose-needs/",
        "/api/v2/mosaic/assessments/{ke assessment}/propose-needs/",
        statuses(404, anonymous=401, npc=201, secretariat=201),
    ),
    Write(
        "post",
        "/api/v2/mosaic/assessments/{id}/propose-needs/",
        "/api/v2/mosaic/assessments/{jm shared assessment}/propose-needs/",
        statuses(403, anonymous=401, secretariat=201),
    ),
]
# Writes that are not about who may write: the token exchange (tests/api/test_auth.py).
WRITE_EXEMPT = {"post": {"/api/v2/auth/token/"}}


def fill(value, ids):
    if isinstance(value, str):
        return int(value.format(**ids)) if value.startswith("{") else value
    if isinstance(value, dict):
        return {key: fill(item, ids) for key, item in value.items()}
    return value


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", WRITES, ids=str)
def test_each_role_writes_only_what_it_may(world, write, role):
    url = write.url.format(**world.ids)
    client = client_for(world, role)
    response = getattr(client, write.method)(url, fill(write.data, world.ids), format=write.format)
    assert response.status_code == write.status[role], response.content.decode()[:500]
    body = response.content.decode()
    assert not leaks(role, body), body[:500]
