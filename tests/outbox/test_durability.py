"""Every kind of after-commit work survives a broker outage, and is done once when replayed.

The broker is a real Redis address nobody listens on: sending the task after commit fails
as it does in production, the outbox rows stay pending, and the periodic replay (run here
with the clock moved past its grace period) does each piece of work exactly once.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail

from cms.accounts import roles
from cms.editorial.tasks import SEND_NOTIFICATION as EDITORIAL_MAIL
from cms.learning import xapi
from cms.learning.tasks import FORWARD_STATEMENT
from cms.library import tasks as library_tasks
from cms.library.models import CountryProfileSection, DocumentText, NationalReportFile
from cms.network import forum
from cms.network.tasks import SEND_NOTIFICATION as NETWORK_MAIL
from cms.outbox.models import OutboxMessage
from cms.outbox.service import replay_pending
from tests.editorial.conftest import draft_page, make_user  # noqa: F401 - fixtures
from tests.learning.conftest import build_course, make_learner  # noqa: F401 - a fixture
from tests.library.conftest import (  # noqa: F401 - fixtures
    english,
    make_document,
    make_report,
    pdf_bytes,
    reports_index,
)
from tests.network.conftest import country, make_member, member, other_member, theme  # noqa: F401

from .conftest import later

pytestmark = [
    pytest.mark.usefixtures("demo_site", "nothing_held_back_before", "unreachable_broker")
]


@pytest.fixture
def nothing_held_back_before(db):
    """Each test replays only its own work: with a real broker (and no worker listening) the
    demo's after-commit work is still pending in the database when the test starts."""
    from django.utils import timezone

    OutboxMessage.objects.pending().update(processed_at=timezone.now())


def pending(topic):
    return OutboxMessage.objects.pending().filter(topic=topic)


def replay_twice(topic, delivered, expected):
    """The first replay does the work held back; the second finds nothing left to do."""
    assert replay_pending(now=later()) >= expected
    assert delivered() == expected
    assert not pending(topic).exists()
    assert replay_pending(now=later()) == 0
    assert delivered() == expected


@pytest.fixture
def calls(monkeypatch):
    """Counts the library's work, as the outbox handlers call it."""
    made = []
    for name in ("extract_document_text", "refresh_country_profile"):
        work = getattr(library_tasks, name)

        def counted(*args, work=work, name=name):
            made.append((name, *args))
            return work(*args)

        monkeypatch.setattr(library_tasks, name, counted)
    return made


def test_workflow_e_mails(make_user, draft_page, django_capture_on_commit_callbacks):  # noqa: F811
    make_user("reviewer-one", roles.REVIEWERS)
    make_user("reviewer-two", roles.REVIEWERS, language="fr")
    author = make_user("author", roles.editors_group_name("en"))
    page = draft_page(owner=author)
    page.save_revision(user=author)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_workflow().start(page, author)

    assert mail.outbox == []
    assert pending(EDITORIAL_MAIL).filter(attempts=0).count() == 2
    replay_twice(EDITORIAL_MAIL, lambda: len(mail.outbox), 2)
    assert {message.to[0] for message in mail.outbox} == {
        "reviewer-one@example.org",
        "reviewer-two@example.org",
    }


def test_network_e_mails(member, other_member, theme, django_capture_on_commit_callbacks):  # noqa: F811
    question = forum.ask(member, title="Outage", body="Still there?", theme=theme, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        forum.answer(other_member, question, body="Yes, later.")

    assert mail.outbox == []
    assert pending(NETWORK_MAIL).filter(attempts=0).count() == 1
    replay_twice(NETWORK_MAIL, lambda: len(mail.outbox), 1)
    assert mail.outbox[0].to == [member.email]


def test_report_text_extraction(calls, make_report, make_document):  # noqa: F811
    document = make_document(pdf_bytes("Marking at the point of import"))
    make_report("FR", files=[NationalReportFile(language="fr", document=document)])

    topic = library_tasks.EXTRACT_DOCUMENT_TEXT
    assert calls == []
    assert not DocumentText.objects.filter(document=document).exists()
    assert pending(topic).filter(attempts=0).count() >= 1
    replay_twice(topic, lambda: len(calls), 1)
    assert calls == [("extract_document_text", document.pk)]
    assert "Marking at the point of import" in DocumentText.objects.get(document=document).text


def test_country_profile_refresh(calls, make_report):  # noqa: F811
    def stored_cycles():
        section = CountryProfileSection.objects.filter(
            country_code="FR", language="en", section="reports"
        ).first()
        return [entry["cycle"] for entry in section.data.get("timeline", [])] if section else []

    make_report("FR", cycle="BMS8", publish=True)

    topic = library_tasks.REFRESH_COUNTRY_PROFILE
    assert calls == []
    assert "BMS8" not in stored_cycles()
    assert pending(topic).filter(key="profile:FR:en", attempts=0).exists()
    replay_twice(topic, lambda: len(calls), 1)
    assert calls == [("refresh_country_profile", "FR", "en")]
    assert stored_cycles() == ["BMS8"]


class Lrs(BaseHTTPRequestHandler):
    received = []

    def do_PUT(self):
        type(self).received.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def lrs(settings):
    Lrs.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Lrs)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.LEARNING_LRS = {
        "ENDPOINT": f"http://127.0.0.1:{server.server_address[1]}/xapi/",
        "USERNAME": "",
        "PASSWORD": "",
    }
    yield Lrs
    server.shutdown()
    server.server_close()


def test_statement_forwarding(lrs, build_course, django_capture_on_commit_callbacks):  # noqa: F811
    course, _quiz = build_course()
    with django_capture_on_commit_callbacks(execute=True):
        statement = xapi.record(make_learner("outage-learner"), "launched", course)

    assert lrs.received == []
    assert pending(FORWARD_STATEMENT).filter(attempts=0).count() == 1
    replay_twice(FORWARD_STATEMENT, lambda: len(lrs.received), 1)
    statement.refresh_from_db()
    assert statement.forwarded_at is not None
