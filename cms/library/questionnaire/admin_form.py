"""The questionnaire as an HTML form, for filling a report in the admin without scripts.

Fields are named `<question>:value`, `<question>:details` and, for list entries,
`<question>:<n>:<field>`; each list shows its entries and a few empty rows to add more. The
form turns what was posted into answers and leaves checking them to `merge_answers`, as the
API does, so that both doors accept and refuse the same answers.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.questionnaire import in_language
from .answers import STATUS_LABELS, STATUS_VALUES
from .fields import TERM_TYPES
from .sheet import TermNames

EMPTY_ROWS = 2


def term_choices(kind, language):
    from cms.core.models import Country

    names = TermNames(language)
    names(kind, "")  # loads the names of the kind
    codes = names.names[kind]
    if kind == "country":
        allowed = set(Country.objects.source().reporting_states().values_list("code", flat=True))
        codes = {code: name for code, name in codes.items() if code in allowed}
    return [("", "---------")] + sorted(codes.items(), key=lambda item: item[1])


def entry_field(item_field, language):
    label = in_language(item_field.get("label"), language)
    kind = item_field["type"]
    if kind == "choice":
        choices = [("", "---------")] + [
            (choice["code"], in_language(choice.get("label"), language))
            for choice in item_field["choices"]
        ]
        return forms.ChoiceField(label=label, choices=choices, required=False)
    if kind in TERM_TYPES:
        return forms.ChoiceField(label=label, choices=term_choices(kind, language), required=False)
    if kind == "date":
        return forms.DateField(
            label=label, required=False, widget=forms.DateInput(attrs={"type": "date"})
        )
    if kind == "number":
        return forms.DecimalField(label=label, required=False, min_value=0)
    if kind == "long_text":
        return forms.CharField(
            label=label, required=False, widget=forms.Textarea(attrs={"rows": 2})
        )
    return forms.CharField(label=label, required=False)


def plain(value):
    """A cleaned form value as the answers hold it (JSON types)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class QuestionnaireForm(forms.Form):
    def __init__(self, questions, answers, language, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.language = language
        self.rows = {}
        for code, question in questions.items():
            answer = answers.get(code) or {}
            self.add_question(code, question, answer)

    def add_question(self, code, question, answer):
        value = answer.get("value")
        kind = question.answer_type
        if kind == "yes_no_in_development":
            choices = [("", "---------")] + [(key, STATUS_LABELS[key]) for key in STATUS_VALUES]
            field = forms.ChoiceField(choices=choices, required=False)
        elif kind == "number":
            field = forms.DecimalField(required=False, min_value=question.min_value)
        elif kind == "text":
            field = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
        else:
            field = None
        if field is not None:
            field.label = in_language(question.text, self.language)
            field.initial = value
            self.fields[f"{code}:value"] = field
        else:
            entries = list(value or [])
            self.rows[code] = len(entries) + EMPTY_ROWS
            for number in range(self.rows[code]):
                entry = entries[number] if number < len(entries) else {}
                self.fields[f"{code}:{number}:id"] = forms.CharField(
                    required=False, widget=forms.HiddenInput, initial=entry.get("id", "")
                )
                for item_field in question.item_fields:
                    built = entry_field(item_field, self.language)
                    built.initial = entry.get(item_field["code"])
                    self.fields[f"{code}:{number}:{item_field['code']}"] = built
        self.fields[f"{code}:details"] = forms.CharField(
            label=_("Details"),
            required=False,
            initial=answer.get("details", ""),
            widget=forms.Textarea(attrs={"rows": 2}),
        )

    def make_read_only(self):
        """Show the answers without letting them change (a submitted report, a closed cycle)."""
        for field in self.fields.values():
            field.disabled = True

    def answers(self):
        """{code: answer or None} from the cleaned data, for `merge_answers`."""
        data = self.cleaned_data
        incoming = {}
        for code, question in self.questions.items():
            details = data.get(f"{code}:details") or ""
            if question.answer_type == "list":
                value = [entry for entry in self.entries(code, question) if entry] or None
            else:
                value = plain(data.get(f"{code}:value"))
                value = None if value in ("", None) else value
            incoming[code] = {"value": value, "details": details} if value or details else None
            if value == 0 and question.answer_type == "number":
                incoming[code] = {"value": 0, "details": details}
        return incoming

    def entries(self, code, question):
        for number in range(self.rows.get(code, 0)):
            entry = {}
            for item_field in question.item_fields:
                value = plain(self.cleaned_data.get(f"{code}:{number}:{item_field['code']}"))
                if value not in (None, ""):
                    entry[item_field["code"]] = value
            if entry:
                entry_id = self.cleaned_data.get(f"{code}:{number}:id")
                if entry_id:
                    entry["id"] = entry_id
            yield entry

    def sections(self):
        """[(section title, [question layout])] in the questionnaire's order, for the template."""
        grouped = []
        for code, question in self.questions.items():
            title = in_language(question.section.title, self.language)
            if not grouped or grouped[-1][0] != title:
                grouped.append((title, []))
            layout = {
                "code": code,
                "text": in_language(question.text, self.language),
                "help": in_language(question.help_text, self.language),
                "paragraph": question.paragraph,
                "required": question.required,
                "value": self[f"{code}:value"] if f"{code}:value" in self.fields else None,
                "details": self[f"{code}:details"],
            }
            if question.answer_type == "list":
                layout["columns"] = [
                    in_language(item.get("label"), self.language) for item in question.item_fields
                ]
                layout["rows"] = [
                    (
                        self[f"{code}:{number}:id"],
                        [self[f"{code}:{number}:{item['code']}"] for item in question.item_fields],
                    )
                    for number in range(self.rows[code])
                ]
            grouped[-1][1].append(layout)
        return grouped

    def add_answer_errors(self, errors):
        for code, messages in errors.items():
            self.add_error(f"{code}:details" if code in self.questions else None, messages)
