import pytest
from wagtail.models import Locale

from cms.core.models import Country
from cms.library.models import NationalReportIndexPage, NationalReportPage, ReportingCycle


@pytest.fixture(autouse=True)
def tasks_in_process():
    """Run outbox messages (the recount after publishing) in the test's process and transaction."""
    from cms.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def publish_report(demo_site, django_capture_on_commit_callbacks):
    """Publish a national report with the given answers: {question code: value}."""
    english = Locale.objects.get(language_code="en")
    index = NationalReportIndexPage.objects.get(locale=english)

    def publish(country_code, cycle, answers, instrument="poa_iti", live=True):
        report = NationalReportPage(
            title=f"{country_code} {cycle}",
            country=Country.objects.get(code=country_code, locale=english),
            cycle=ReportingCycle.objects.get(code=cycle),
            instrument=instrument,
            answers={code: {"value": value} for code, value in answers.items()},
            live=False,
        )
        with django_capture_on_commit_callbacks(execute=True):
            index.add_child(instance=report)
            revision = report.save_revision()
            if live:
                revision.publish()
        report.refresh_from_db()
        return report

    return publish
