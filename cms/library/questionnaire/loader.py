"""Load a version of the questionnaire from its data file (`data/questionnaire/<code>.yaml`).

Loading is all-or-nothing and idempotent: texts and the order are updated in place, so a
reworded translation reaches every report of the version; a question removed from the file
is removed from the version (answers already given stay in the reports that hold them).
"""

from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Q

from cms.core.instruments import Instrument
from cms.core.languages import UN_LANGUAGE_CODES, source_language

from .fields import FIELD_TYPES

DATA_DIRECTORY = Path(__file__).resolve().parent.parent / "data" / "questionnaire"
ANSWER_TYPES = {"yes_no_in_development", "number", "text", "list"}


class QuestionnaireDataError(ValueError):
    """The data file is not a valid questionnaire; the message names the place."""


def version_files():
    return sorted(DATA_DIRECTORY.glob("v*.yaml"))


def read_version(path):
    with open(path, encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    check_version(data, path.name)
    return data


def texts(entry, key, where, required=True):
    """{language: text} of `entry[key]`, keeping the UN languages only."""
    value = entry.get(key) or {}
    if not isinstance(value, dict):
        raise QuestionnaireDataError(f"{where}: {key} must map languages to texts.")
    found = {code: str(value[code]).strip() for code in UN_LANGUAGE_CODES if value.get(code)}
    if required and source_language() not in found:
        raise QuestionnaireDataError(f"{where}: {key} has no text in {source_language()!r}.")
    return found


def check_item_fields(question, where):
    fields = question.get("item_fields") or []
    if question["answer_type"] == "list" and not fields:
        raise QuestionnaireDataError(f"{where}: a list question needs item_fields.")
    codes = set()
    for field in fields:
        place = f"{where}, field {field.get('code')!r}"
        if not field.get("code") or field["code"] in codes or field["code"] == "id":
            raise QuestionnaireDataError(f"{place}: every field needs a code of its own.")
        codes.add(field["code"])
        if field.get("type") not in FIELD_TYPES:
            raise QuestionnaireDataError(f"{place}: unknown type {field.get('type')!r}.")
        texts(field, "label", place)
        if field["type"] == "choice":
            choices = field.get("choices") or []
            if not choices or not all(choice.get("code") for choice in choices):
                raise QuestionnaireDataError(f"{place}: a choice field needs coded choices.")
            for choice in choices:
                texts(choice, "label", f"{place}, choice {choice['code']!r}")


def check_version(data, where):
    if not isinstance(data, dict) or not data.get("version"):
        raise QuestionnaireDataError(f"{where}: no version code.")
    seen = set()
    for section in data.get("sections") or []:
        place = f"{where}: section {section.get('code')!r}"
        if not section.get("code"):
            raise QuestionnaireDataError(f"{place}: no code.")
        texts(section, "title", place)
        for question in section.get("questions") or []:
            code = question.get("code")
            spot = f"{where}: question {code!r}"
            if not code or code in seen:
                raise QuestionnaireDataError(f"{spot}: every question needs a code of its own.")
            seen.add(code)
            if question.get("answer_type") not in ANSWER_TYPES:
                raise QuestionnaireDataError(
                    f"{spot}: unknown answer_type {question.get('answer_type')!r}."
                )
            if question.get("instrument") not in Instrument.values:
                raise QuestionnaireDataError(
                    f"{spot}: unknown instrument {question.get('instrument')!r}."
                )
            texts(question, "text", spot)
            check_item_fields(question, spot)
    if not seen:
        raise QuestionnaireDataError(f"{where}: no questions.")


@transaction.atomic
def load_version(path, models=None):
    """Create or update the version of the file; returns the version row.

    `models` is (QuestionnaireVersion, ReportingCycle) - a migration passes its historical
    models.
    """
    if models is None:
        from ..models import QuestionnaireVersion, ReportingCycle

        models = (QuestionnaireVersion, ReportingCycle)
    version_model, cycle_model = models
    path = Path(path)
    data = read_version(path)
    version, _created = version_model.objects.update_or_create(
        code=data["version"], defaults={"title": texts(data, "title", path.name, required=False)}
    )
    section_model = version_model._meta.get_field("sections").related_model
    question_model = section_model._meta.get_field("questions").related_model
    kept_sections, kept_questions = [], []
    for section_position, section in enumerate(data["sections"]):
        section_row, _created = section_model.objects.update_or_create(
            version=version,
            code=section["code"],
            defaults={
                "sort_order": section_position,
                "title": texts(section, "title", section["code"]),
            },
        )
        kept_sections.append(section_row.pk)
        for position, question in enumerate(section.get("questions") or []):
            question_model.objects.filter(section__version=version, code=question["code"]).exclude(
                section=section_row
            ).delete()
            row, _created = question_model.objects.update_or_create(
                section=section_row,
                code=question["code"],
                defaults={
                    "sort_order": position,
                    "instrument": question["instrument"],
                    "paragraph": str(question.get("paragraph") or ""),
                    "answer_type": question["answer_type"],
                    "required": bool(question.get("required")),
                    "text": texts(question, "text", question["code"]),
                    "help_text": texts(question, "help", question["code"], required=False),
                    **number_limits(question),
                    "item_fields": question.get("item_fields") or [],
                },
            )
            kept_questions.append(row.pk)
    question_model.objects.filter(section__version=version).exclude(pk__in=kept_questions).delete()
    section_model.objects.filter(version=version).exclude(pk__in=kept_sections).delete()
    assign_to_cycles(version, data.get("valid_from_cycle"), cycle_model)
    return version


def number_limits(question):
    """Numbers count things unless the file says otherwise: whole, and never below zero."""
    if question["answer_type"] != "number":
        return {"unit": "", "min_value": None}
    return {"unit": question.get("unit") or "count", "min_value": question.get("min", 0)}


def assign_to_cycles(version, first_cycle_code, cycle_model):
    """Cycles from `first_cycle_code` on use this version, unless a newer one took them.

    Reports keep the version they were started on, so a cycle moving to a newer version
    changes only the reports started after.
    """
    first = cycle_model.objects.filter(code=first_cycle_code).first()
    if first is None:
        return
    cycle_model.objects.filter(year__gte=first.year).filter(
        Q(questionnaire__isnull=True) | Q(questionnaire__code__lt=version.code)
    ).update(questionnaire=version)


def load_all():
    return [load_version(path) for path in version_files()]
