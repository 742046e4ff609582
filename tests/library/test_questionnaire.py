"""National reporting as data: the questionnaire, filing a report, locking and the diff."""

import pytest
from django.core import mail

from cms.accounts.roles import SECRETARIAT
from cms.core.languages import UN_LANGUAGE_CODES
from cms.library.models import (
    NationalReportPage,
    QuestionnaireQuestion,
    QuestionnaireVersion,
    ReportingCycle,
    ReportSubmission,
)
from cms.library.questionnaire.loader import load_version, version_files

from .conftest import complete_answers, token_header

pytestmark = pytest.mark.usefixtures("demo_site")

URL = "/api/v2/national-reports/"
LAWS = "poa-ii-2-laws"
COORDINATION = "poa-ii-4-coordination-agency"
REQUESTS_SENT = "iti-14-requests-sent"


@pytest.fixture
def secretariat_member(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("secretariat-1", password="s-password-1")
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


def post(client, user, url, data=None):
    return client.post(url, data or {}, content_type="application/json", **token_header(user))


def patch(client, user, report_id, data):
    return client.patch(
        f"{URL}{report_id}/", data, content_type="application/json", **token_header(user)
    )


# --- The template ----------------------------------------------------------------------------


def test_the_current_cycle_uses_the_loaded_questionnaire_in_six_languages():
    bms9 = ReportingCycle.objects.get(code="BMS9")
    version = bms9.questionnaire
    assert version is not None and version.code == "v2026"
    questions = list(QuestionnaireQuestion.objects.filter(section__version=version))
    assert len(questions) > 50
    for question in questions:
        missing = set(UN_LANGUAGE_CODES) - set(question.text)
        assert not missing, f"{question.code} lacks {missing}"
        if question.answer_type == "list":
            assert question.item_fields, question.code
    laws = next(question for question in questions if question.code == LAWS)
    assert laws.paragraph == "II.2"


def test_loading_again_changes_nothing(django_assert_max_num_queries):
    before = QuestionnaireQuestion.objects.count()
    ids = set(QuestionnaireQuestion.objects.values_list("pk", flat=True))
    for path in version_files():
        load_version(path)
    assert QuestionnaireQuestion.objects.count() == before
    assert set(QuestionnaireQuestion.objects.values_list("pk", flat=True)) == ids


def test_the_template_is_served_in_the_requested_language(client):
    response = client.get("/api/v2/questionnaires/v2026/?locale=fr")
    assert response.status_code == 200
    body = response.json()
    assert "BMS9" in body["cycles"]
    questions = {q["code"]: q for section in body["sections"] for q in section["questions"]}
    coordination = questions[COORDINATION]
    assert coordination["answer_type"] == "yes_no_in_development"
    assert coordination["paragraph"] == "II.4"
    assert [choice["code"] for choice in coordination["choices"]] == [
        "yes",
        "no",
        "in_development",
        "not_applicable",
    ]
    assert coordination["choices"][0]["label"] == "Oui"
    assert (
        coordination["text"]
        != QuestionnaireQuestion.objects.get(
            code=COORDINATION, section__version__code="v2026"
        ).text["en"]
    )
    area = next(field for field in questions[LAWS]["item_fields"] if field["code"] == "area")
    assert {"production", "export", "import", "transit", "retransfer"} <= {
        choice["code"] for choice in area["choices"]
    }


# --- Old reports read into the questionnaire -------------------------------------------------


def test_the_free_text_of_earlier_reports_is_kept_and_read_into_answers():
    kenya = NationalReportPage.objects.get(slug="kenya-bms6-2016", locale__language_code="en")
    answers = kenya.answers
    assert kenya.questionnaire.code == "v2026"
    laws = answers[LAWS]["value"]
    assert laws[0]["original_title"] == "Firearms Act (Cap. 114)"
    assert laws[0]["url"] == "http://kenyalaw.org"
    needs = answers["poa-iii-needs"]["value"]
    assert [(need["thematic_area"], need["assistance_form"]) for need in needs] == [
        ("marking", "equipment"),
        ("record-keeping", "training"),
    ]
    coordination = answers[COORDINATION]
    assert coordination["value"] == "yes"  # the text names the body that coordinates
    assert "Kenya National Focal Point" in coordination["details"]
    assert "Nairobi Protocol" in answers["poa-ii-25-regional-instruments"]["details"]
    assert [block.block_type for block in kenya.sections][:1] == ["national_coordination"]


# --- Filing a report -------------------------------------------------------------------------


def test_a_point_of_contact_files_from_the_last_report_changes_two_answers_and_submits(
    client, make_npc, make_report, django_capture_on_commit_callbacks
):
    npc = make_npc("FR")
    npc.email = "npc@example.org"
    npc.save()
    previous = make_report("FR", cycle="BMS8", publish=True, answers=complete_answers())
    assert previous.live

    created = post(
        client,
        npc,
        URL,
        {
            "country": "FR",
            "instrument": "poa_iti",
            "cycle": "BMS9",
            "start_from_previous_report": True,
        },
    )
    assert created.status_code == 201, created.json()
    report = created.json()
    assert report["questionnaire"] == "v2026"
    assert set(report["answers"]) == set(complete_answers())
    assert all(answer["carried_over"] for answer in report["answers"].values())

    changed = patch(
        client,
        npc,
        report["id"],
        {
            "answers": {
                COORDINATION: {"value": "in_development", "details": "A new commission."},
                REQUESTS_SENT: {"value": 14},
            }
        },
    )
    assert changed.status_code == 200, changed.json()
    answers = changed.json()["answers"]
    assert answers[COORDINATION]["carried_over"] is False
    assert answers[REQUESTS_SENT] == {"value": 14, "details": "", "carried_over": False}
    assert answers[LAWS]["carried_over"] is True

    diff = client.get(f"{URL}{report['id']}/diff/", **token_header(npc)).json()
    assert diff["against"] == previous.pk and diff["against_cycle"] == "BMS8"
    assert [(item["question"], item["change"]) for item in diff["changes"]] == [
        (COORDINATION, "changed"),
        (REQUESTS_SENT, "added"),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        submitted = post(client, npc, f"{URL}{report['id']}/submit/")
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["locked"] is True
    assert submitted.json()["status"] == "in_moderation"
    submission = ReportSubmission.objects.get(report_id=report["id"])
    assert submission.submitted_by == npc and submission.receipt_sent_at is not None
    assert [message.to for message in mail.outbox] == [["npc@example.org"]]
    assert "France" in mail.outbox[0].subject
    assert "Ninth Biennial Meeting of States" in mail.outbox[0].subject

    refused = patch(client, npc, report["id"], {"answers": {REQUESTS_SENT: {"value": 15}}})
    assert refused.status_code == 409
    assert "locked" in refused.json()["message"]
    latest = NationalReportPage.objects.get(pk=report["id"]).get_latest_revision_as_object()
    assert latest.answers[REQUESTS_SENT]["value"] == 14


def test_the_secretariat_reopens_a_submitted_report_and_the_reopening_is_recorded(
    client, npc_fr, secretariat_member, make_report, django_capture_on_commit_callbacks
):
    report = make_report("FR", owner=npc_fr, answers=complete_answers())
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, npc_fr, f"{URL}{report.pk}/submit/").status_code == 200

    assert post(client, npc_fr, f"{URL}{report.pk}/reopen/", {"reason": "x"}).status_code == 403
    assert post(client, secretariat_member, f"{URL}{report.pk}/reopen/").status_code == 400
    reopened = post(
        client, secretariat_member, f"{URL}{report.pk}/reopen/", {"reason": "Wrong figures."}
    )
    assert reopened.status_code == 200, reopened.json()
    assert reopened.json()["locked"] is False
    submission = ReportSubmission.objects.get(report=report)
    assert submission.reopened_by == secretariat_member
    assert submission.reopen_reason == "Wrong figures."
    again = post(client, secretariat_member, f"{URL}{report.pk}/reopen/", {"reason": "twice"})
    assert again.status_code == 409
    assert (
        patch(client, npc_fr, report.pk, {"answers": {REQUESTS_SENT: {"value": 2}}}).status_code
        == 200
    )


def test_a_report_missing_required_answers_is_not_submitted(client, npc_fr, make_report):
    report = make_report("FR", owner=npc_fr)
    response = post(client, npc_fr, f"{URL}{report.pk}/submit/")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert f"answers.{COORDINATION}" in errors and f"answers.{LAWS}" in errors
    assert "answers.exec-summary" not in errors  # not required
    assert not ReportSubmission.objects.exists()


@pytest.mark.parametrize(
    ("answers", "question", "words"),
    [
        ({COORDINATION: {"value": 12}}, COORDINATION, "choose one of"),
        ({COORDINATION: {"value": "maybe"}}, COORDINATION, "choose one of"),
        ({REQUESTS_SENT: {"value": -1}}, REQUESTS_SENT, "at least 0"),
        ({REQUESTS_SENT: {"value": "many"}}, REQUESTS_SENT, "give a number"),
        ({REQUESTS_SENT: {"value": 2.5}}, REQUESTS_SENT, "whole number"),
        ({LAWS: {"value": [{"area": "export"}]}}, LAWS, "required"),
        ({LAWS: {"value": [{"original_title": "X", "area": "mining"}]}}, LAWS, "choose one of"),
        (
            {LAWS: {"value": [{"original_title": "X", "area": "export", "url": "ftp://x"}]}},
            LAWS,
            "http",
        ),
        ({LAWS: {"value": "a law"}}, LAWS, "list of entries"),
        ({"no-such-question": {"value": "yes"}}, "no-such-question", "no question"),
        ({COORDINATION: "yes"}, COORDINATION, "value"),
        ({COORDINATION: {"value": "yes", "colour": "red"}}, COORDINATION, "colour"),
    ],
)
def test_an_answer_that_does_not_fit_its_question_is_refused_naming_it(
    client, npc_fr, make_report, answers, question, words
):
    report = make_report("FR", owner=npc_fr, answers={REQUESTS_SENT: {"value": 1, "details": ""}})
    good = {"exec-summary": {"value": "Fine."}}
    response = patch(client, npc_fr, report.pk, {"answers": {**good, **answers}})
    assert response.status_code == 400, response.json()
    errors = response.json()["errors"]
    assert list(errors) == [f"answers.{question}"]
    assert words in " ".join(errors[f"answers.{question}"])
    latest = NationalReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
    assert latest.answers == {REQUESTS_SENT: {"value": 1, "details": ""}}


def test_a_report_is_filed_only_for_the_open_cycle(client, npc_fr):
    response = post(client, npc_fr, URL, {"country": "FR", "instrument": "poa", "cycle": "BMS8"})
    assert response.status_code == 400
    assert "BMS9" in response.json()["errors"]["cycle"][0]
    assert not NationalReportPage.objects.filter(country__code="FR", cycle__code="BMS8").exists()


def test_a_draft_never_blocks_a_new_report_invisibly(client, npc_fr):
    first = post(client, npc_fr, URL, {"country": "FR", "instrument": "poa", "cycle": "BMS9"})
    assert first.status_code == 201
    second = post(client, npc_fr, URL, {"country": "FR", "instrument": "poa", "cycle": "BMS9"})
    assert second.status_code == 400
    assert f"id {first.json()['id']}" in second.json()["errors"]["cycle"][0]
    discarded = client.delete(f"{URL}{first.json()['id']}/", **token_header(npc_fr))
    assert discarded.status_code == 204
    third = post(client, npc_fr, URL, {"country": "FR", "instrument": "poa", "cycle": "BMS9"})
    assert third.status_code == 201


def test_a_question_added_in_a_new_version_leaves_reports_on_the_old_version_valid(
    client, npc_fr, make_report, tmp_path
):
    import yaml

    source = yaml.safe_load(version_files()[0].read_text(encoding="utf-8"))
    source["version"] = "v2028"
    source["valid_from_cycle"] = "BMS10"
    source["sections"][0]["questions"].append(
        {
            "code": "new-required-question",
            "instrument": "poa",
            "answer_type": "yes_no_in_development",
            "required": True,
            "text": {"en": "A question first asked in 2028?"},
        }
    )
    path = tmp_path / "v2028.yaml"
    path.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    newer = load_version(path)
    assert ReportingCycle.objects.get(code="BMS10").questionnaire == newer
    assert ReportingCycle.objects.get(code="BMS9").questionnaire.code == "v2026"

    report = make_report("FR", owner=npc_fr, answers=complete_answers())
    assert post(client, npc_fr, f"{URL}{report.pk}/submit/").status_code == 200
    assert QuestionnaireVersion.objects.count() == 2


def test_published_answers_are_public_and_filtered_drafts_never_appear(client, make_report):
    make_report("FR", cycle="BMS8", publish=True, answers={REQUESTS_SENT: {"value": 7}})
    make_report("BR", cycle="BMS8", answers={REQUESTS_SENT: {"value": 9}})
    rows = client.get(f"/api/v2/report-answers/?question={REQUESTS_SENT}&cycle=BMS8").json()
    values = {(row["country"], row["value"]) for row in rows["items"]}
    assert ("FR", 7) in values and ("BR", 9) not in values
    kenya = client.get("/api/v2/report-answers/?country=KE&question=poa-iii-needs").json()
    assert [row["cycle"] for row in kenya["items"]] == ["BMS6"]


def test_a_reviewer_asking_for_changes_reopens_the_report(
    client, npc_fr, make_report, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model

    report = make_report("FR", owner=npc_fr, answers=complete_answers())
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, npc_fr, f"{URL}{report.pk}/submit/").status_code == 200
    report.refresh_from_db()
    reviewer = get_user_model().objects.filter(is_superuser=True).first()
    task_state = report.current_workflow_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject")
    assert ReportSubmission.objects.locking().count() == 0
    assert (
        patch(client, npc_fr, report.pk, {"answers": {REQUESTS_SENT: {"value": 3}}}).status_code
        == 200
    )


# --- The admin form, the printable draft and the country profile ----------------------------


def questionnaire_url(report):
    return f"/admin/national-reports/{report.pk}/questionnaire/"


def test_a_point_of_contact_fills_the_questionnaire_in_the_admin(
    client, npc_fr, npc_br, make_report
):
    report = make_report("FR", owner=npc_fr)
    client.force_login(npc_br)
    assert client.get(questionnaire_url(report)).status_code == 403
    client.force_login(npc_fr)
    page = client.get(questionnaire_url(report))
    assert page.status_code == 200
    assert "Has your country set up a national coordination body" in page.content.decode()

    saved = client.post(
        questionnaire_url(report),
        {
            "action": "save",
            f"{COORDINATION}:value": "yes",
            f"{COORDINATION}:details": "The interministerial commission.",
            f"{REQUESTS_SENT}:value": "0",
            f"{LAWS}:0:area": "export",
            f"{LAWS}:0:original_title": "Code de la défense",
            f"{LAWS}:0:date": "2004-12-20",
        },
    )
    assert saved.status_code == 302
    answers = NationalReportPage.objects.get(pk=report.pk).get_latest_revision_as_object().answers
    assert answers[COORDINATION] == {
        "value": "yes",
        "details": "The interministerial commission.",
        "carried_over": False,
    }
    assert answers[REQUESTS_SENT]["value"] == 0
    [law] = answers[LAWS]["value"]
    assert (law["area"], law["original_title"], law["date"]) == (
        "export",
        "Code de la défense",
        "2004-12-20",
    )

    wrong = client.post(
        questionnaire_url(report),
        {"action": "save", f"{LAWS}:0:area": "export", f"{LAWS}:0:id": law["id"]},
    )
    assert wrong.status_code == 400
    assert "this field is required" in wrong.content.decode()
    kept = NationalReportPage.objects.get(pk=report.pk).get_latest_revision_as_object().answers
    assert kept == answers

    not_submitted = client.post(
        questionnaire_url(report), {"action": "submit", f"{COORDINATION}:value": "yes"}
    )
    assert not_submitted.status_code == 400
    assert "was not submitted" in not_submitted.content.decode()
    assert not ReportSubmission.objects.filter(report=report).exists()


def test_the_printable_draft_and_the_profile_show_the_answers(client, npc_fr, make_report):
    report = make_report(
        "FR",
        owner=npc_fr,
        answers={
            COORDINATION: {"value": "in_development", "details": "A bill is before parliament."}
        },
    )
    client.force_login(npc_fr)
    printed = client.get(f"/admin/national-reports/{report.pk}/print/").content.decode()
    assert "In development" in printed and "A bill is before parliament." in printed

    profile = client.get("/api/v2/countries/KE/profile/?locale=fr").json()
    reports = next(section for section in profile["sections"] if section["name"] == "reports")
    answers = {
        answer["question"]: answer
        for section in reports["data"]["answers"]
        for answer in section["answers"]
    }
    assert answers[COORDINATION]["value"] == "yes"
    assert answers[COORDINATION]["value_label"] == "Oui"
    assert answers[COORDINATION]["cycle"] == "BMS6"


def test_a_broken_questionnaire_file_is_refused_naming_the_question_and_nothing_changes(
    tmp_path,
):
    import yaml
    from django.core.management import CommandError, call_command

    source = yaml.safe_load(version_files()[0].read_text(encoding="utf-8"))
    source["sections"][1]["questions"][0]["answer_type"] = "essay"
    path = tmp_path / "v2026.yaml"
    path.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    before = list(QuestionnaireQuestion.objects.values_list("pk", "answer_type", "text"))
    with pytest.raises(CommandError, match=f"question '{COORDINATION}': unknown answer_type"):
        call_command("load_questionnaire", str(path))
    assert list(QuestionnaireQuestion.objects.values_list("pk", "answer_type", "text")) == before
