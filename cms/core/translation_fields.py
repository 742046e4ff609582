"""Translations stored as JSON, edited in the admin as one field per language.

A record written in one language keeps its translations in a JSON field, either
{"fr": {"title": ..., "description": ...}} (several texts per language) or {"fr": "..."}
(one text). `TranslationsField` replaces the JSON text area with a text box per language
(and per text), the admin user's language first, and gives the JSON back, validated: only
UN languages, no description without its title, nothing in the original language.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .languages import UN_LANGUAGES
from .states import active_language


class TranslationsWidget(forms.MultiWidget):
    template_name = "core/widgets/translations.html"

    def __init__(self, slots, attrs=None):
        self.slots = slots  # [(language, text name or None, label, multiline)]
        widgets = [
            forms.Textarea(attrs={"rows": 3}) if multiline else forms.TextInput()
            for _language, _name, _label, multiline in slots
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        values = []
        for language, name, _label, _multiline in self.slots:
            texts = value.get(language)
            if name is None:
                values.append(texts if isinstance(texts, str) else "")
            else:
                values.append((texts or {}).get(name, "") if isinstance(texts, dict) else "")
        return values

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        first = active_language()
        groups = {}
        languages = {language.code: language for language in UN_LANGUAGES}
        for (language, _name, label, _multiline), subwidget in zip(
            self.slots, context["widget"]["subwidgets"], strict=True
        ):
            subwidget["label"] = label or languages[language].label
            groups.setdefault(language, []).append(subwidget)
        ordered = sorted(groups, key=lambda code: code != first)  # the admin's language first
        context["widget"]["languages"] = [
            {
                "code": code,
                "label": languages[code].label,
                "dir": "rtl" if languages[code].bidi else "ltr",
                "fields": groups[code],
            }
            for code in ordered
        ]
        return context


class TranslationsField(forms.MultiValueField):
    """The JSON translations of a record, a text box per language (and per text)."""

    def __init__(self, texts=None, exclude=(), labels=None, multiline=(), **kwargs):
        """`texts`: the names of the texts translated ({"fr": {name: ...}}), or None for a
        single text per language ({"fr": "..."}); `exclude`: languages not offered (the
        record's original language); `labels`: {name: label}."""
        self.texts = texts
        labels = labels or {}
        languages = [language for language in UN_LANGUAGES if language.code not in exclude]
        slots = []
        for language in languages:
            for name in texts or [None]:
                label = labels.get(name, "") if name else ""
                slots.append((language.code, name, label, name is None or name in multiline))
        self.slots = slots
        fields = [forms.CharField(required=False) for _slot in slots]
        kwargs.setdefault("required", False)
        super().__init__(
            fields, widget=TranslationsWidget(slots), require_all_fields=False, **kwargs
        )

    def compress(self, data_list):
        result = {}
        for (language, name, _label, _multiline), text in zip(
            self.slots, data_list or [""] * len(self.slots), strict=True
        ):
            text = (text or "").strip()
            if not text:
                continue
            if name is None:
                result[language] = text
            else:
                result.setdefault(language, {})[name] = text
        if self.texts:
            first = self.texts[0]
            missing = [code for code, texts in result.items() if not texts.get(first)]
            if missing:
                raise ValidationError(
                    _("Give the %(text)s in %(languages)s too, or leave that language empty."),
                    params={
                        "text": self.slots[0][2] or first,
                        "languages": ", ".join(
                            language.label for language in UN_LANGUAGES if language.code in missing
                        ),
                    },
                )
        return result


def original_language_not_translated(
    form, original_field="original_language", field="translations"
):
    """A form clean step: the original language's text is the record's own fields, not a
    translation."""
    original = form.cleaned_data.get(original_field)
    translations = form.cleaned_data.get(field) or {}
    if original and original in translations:
        form.add_error(
            field,
            _(
                "%(language)s is the original language: write its text in the fields above, "
                "not as a translation."
            )
            % {"language": {lang.code: lang.label for lang in UN_LANGUAGES}[original]},
        )
