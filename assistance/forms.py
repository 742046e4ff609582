"""Admin forms: taxonomy choices in the source language only (one row per term)."""

from django.db import models
from wagtail.admin.forms import WagtailAdminModelForm

from cms.core.models.taxonomy import TaxonomyTerm

from .terms import source_terms


class AssistanceAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if isinstance(queryset, models.QuerySet) and issubclass(queryset.model, TaxonomyTerm):
                field.queryset = source_terms(queryset.model)
