"""On migrating, what the apps' former replay loops still owed is handed to the outbox."""

from importlib import import_module

import pytest
from django.apps import apps

from cms.accounts import roles
from cms.editorial.models import Notification as WorkflowNotification
from cms.learning import xapi
from cms.learning.models import Statement
from cms.network import forum
from cms.network.models import Notification as NetworkNotification
from cms.outbox.models import OutboxMessage
from tests.editorial.conftest import draft_page, make_user  # noqa: F401 - fixtures
from tests.learning.conftest import build_course, make_learner  # noqa: F401 - a fixture
from tests.network.conftest import country, make_member, member, other_member, theme  # noqa: F401

pytestmark = pytest.mark.usefixtures("demo_site")


def migrate(app, migration, function):
    getattr(import_module(f"cms.{app}.migrations.{migration}"), function)(apps, None)


def owed(topic):
    return sorted(OutboxMessage.objects.pending().filter(topic=topic).values_list("key", flat=True))


def test_owed_e_mails_and_unforwarded_statements_are_queued(
    make_user,  # noqa: F811
    draft_page,  # noqa: F811
    member,  # noqa: F811
    other_member,  # noqa: F811
    theme,  # noqa: F811
    build_course,  # noqa: F811
    settings,
):
    settings.LEARNING_LRS = {"ENDPOINT": "http://127.0.0.1:9/xapi/", "USERNAME": "", "PASSWORD": ""}
    make_user("reviewer", roles.REVIEWERS)
    author = make_user("author", roles.editors_group_name("en"))
    page = draft_page(owner=author)
    page.save_revision(user=author)
    page.get_workflow().start(page, author)
    question = forum.ask(member, title="Cutover", body="Queued?", theme=theme, language="en")
    forum.answer(other_member, question, body="Yes.")
    course, _quiz = build_course()
    xapi.record(make_learner("cutover-learner"), "launched", course)
    # As the rows stood before the outbox carried them.
    OutboxMessage.objects.all().delete()

    migrate("editorial", "0002_owed_notifications_to_outbox", "queue_owed_notifications")
    migrate("network", "0004_owed_notifications_to_outbox", "queue_owed_notifications")
    migrate("learning", "0004_unforwarded_statements_to_outbox", "queue_unforwarded_statements")

    workflow_pks = WorkflowNotification.objects.filter(sent_at__isnull=True)
    assert owed("editorial.send-notification") == sorted(
        f"notification:{pk}" for pk in workflow_pks.values_list("pk", flat=True)
    )
    assert workflow_pks.exists()
    network_pks = NetworkNotification.objects.filter(sent_at__isnull=True)
    assert network_pks.exists()
    assert owed("network.send-notification") == sorted(
        f"notification:{pk}" for pk in network_pks.values_list("pk", flat=True)
    )
    statements = Statement.objects.filter(forwarded_at__isnull=True)
    assert statements.exists()
    assert owed("learning.forward-statement") == sorted(
        f"statement:{pk}" for pk in statements.values_list("pk", flat=True)
    )
