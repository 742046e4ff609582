"""What the assistance serializers share: taxonomy terms by code, and texts in six languages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from cms.api.languages import LANGUAGE_CODES
from cms.core.languages import source_language


class TermField(serializers.SlugRelatedField):
    """A taxonomy term by code, read and written; resolved to the source-language row."""

    def __init__(self, model, **kwargs):
        super().__init__(slug_field="code", queryset=model.objects.source(), **kwargs)


def term_list(model, **kwargs):
    return TermField(model, many=True, **kwargs)


TRANSLATIONS_SCHEMA = {
    "type": "object",
    "description": 'Texts in other UN languages: {"fr": {"title": "...", "description": "..."}}',
    "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}},
}


@extend_schema_field(TRANSLATIONS_SCHEMA)
class TranslationsField(serializers.JSONField):
    def __init__(self, allowed_fields, **kwargs):
        self.allowed_fields = allowed_fields
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        if not isinstance(data, dict):
            raise ValidationError(_("Give texts by UN language code."))
        for language, texts in data.items():
            if language not in LANGUAGE_CODES or not isinstance(texts, dict):
                raise ValidationError(_("Give texts by UN language code."))
            for name, text in texts.items():
                if name not in self.allowed_fields or not isinstance(text, str) or "\x00" in text:
                    raise ValidationError(
                        _("Unknown field or text in the %(language)s translation.")
                        % {"language": language}
                    )
        return data


class TranslatedTextSerializer(serializers.ModelSerializer):
    """Title and description in the requested language, with the fallback flagged."""

    locale = serializers.SerializerMethodField()
    requested_locale = serializers.SerializerMethodField()
    is_fallback = serializers.SerializerMethodField()
    names = serializers.SerializerMethodField()

    def get_locale(self, obj) -> str:
        return obj.in_language(self.language)[0]

    def get_requested_locale(self, obj) -> str:
        return self.language

    def get_is_fallback(self, obj) -> bool:
        return obj.in_language(self.language)[0] != self.language

    @property
    def language(self):
        return self.context.get("language") or source_language()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        _language, texts = instance.in_language(self.language)
        for name, text in texts.items():
            if name in data:
                data[name] = text
        data["names"] = self.term_names(data)
        return data

    def get_names(self, obj) -> dict[str, str]:
        """Names of the codes used in this item, in the requested language."""
        return {}  # filled in by to_representation, from the codes it serves

    def term_names(self, data):
        cache = self.context.setdefault("term_names", {})
        found = {}
        for field_name, model in self.TERM_FIELDS.items():
            if model not in cache:
                cache[model] = model.objects.names(self.language)
            value = data.get(field_name)
            for code in value if isinstance(value, list) else [value]:
                if code and code in cache[model]:
                    found[code] = cache[model][code]
        return found

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        plain = {k: v for k, v in attrs.items() if not isinstance(v, list)}
        if self.instance is not None:
            candidate = model(**{**_concrete(self.instance), **plain})
            candidate.pk = self.instance.pk
        else:
            candidate = model(**plain)
        try:
            candidate.clean()
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error
        return attrs


def _concrete(instance):
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }
