"""Controlled vocabularies shared by every component: one row per term and locale.

Each term is a translatable snippet (wagtail's TranslatableMixin): the source-language row
is the one records point at, the five other UN languages are translations sharing its
translation_key. Terms are looked up by their stable `code` through `TermQuerySet`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from cms.core.languages import fallback_chain, pick_translation, source_language, with_fallback


class TermQuerySet(models.QuerySet):
    """Look-ups by code and names of terms, in a language with the source language's fallback."""

    def in_language(self, language):
        return self.filter(locale__language_code=language)

    def source(self):
        """The source-language rows: the ones records and forms point at."""
        return self.in_language(source_language())

    def localized(self, language):
        """Every term once: its row in `language`, else its source-language row."""
        return with_fallback(self, language)

    def by_code(self, code, language=None):
        """The term of `code` in `language`, else its source-language row.

        Raises DoesNotExist when the code has neither.
        """
        rows = {
            row.locale.language_code: row
            for row in self.filter(
                code=code, locale__language_code__in=fallback_chain(language)
            ).select_related("locale")
        }
        found = pick_translation(rows, language)
        if found is None:
            raise self.model.DoesNotExist(f"No {self.model.__name__} has the code {code!r}.")
        return found[1]

    def by_codes(self, codes):
        """The source-language rows of `codes`, in their order; LookupError names any unknown."""
        codes = list(dict.fromkeys(codes))
        found = {row.code: row for row in self.source().filter(code__in=codes)}
        missing = [code for code in codes if code not in found]
        if missing:
            raise LookupError(", ".join(missing))
        return [found[code] for code in codes]

    def names(self, language, codes=None):
        """{code: name} in `language`, in the source language where a term lacks a translation."""
        rows = self if codes is None else self.filter(code__in=codes)
        names = {}
        for code in reversed(fallback_chain(language)):
            names.update(rows.in_language(code).values_list("code", "name"))
        return names


class TaxonomyTerm(TranslatableMixin):
    """A coded term with a name in the row's locale."""

    objects = TermQuerySet.as_manager()

    code = models.CharField(
        _("code"), max_length=40, help_text=_("Stable identifier used by the API and imports.")
    )
    name = models.CharField(_("name"), max_length=255)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


def unique_code_per_locale(model_name):
    return models.UniqueConstraint(
        fields=["code", "locale"], name=f"{model_name}_unique_code_per_locale"
    )


class ThematicArea(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        constraints = [unique_code_per_locale("thematicarea")]


class MosaicModule(TaxonomyTerm):
    """A module of the Modular Small-arms-control Implementation Compendium (MOSAIC)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("MOSAIC module")
        verbose_name_plural = _("MOSAIC modules")
        ordering = ["code"]
        constraints = [unique_code_per_locale("mosaicmodule")]

    def __str__(self):
        return f"{self.code} {self.name}"


class AssistanceForm(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("form of assistance")
        verbose_name_plural = _("forms of assistance")
        constraints = [unique_code_per_locale("assistanceform")]


class OrganisationType(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")
        constraints = [unique_code_per_locale("organisationtype")]


class Region(TaxonomyTerm):
    """A UN M49 geographic region, sub-region or intermediate region (code: three digits)."""

    class Level(models.IntegerChoices):
        REGION = 1, _("region")
        SUB_REGION = 2, _("sub-region")
        INTERMEDIATE_REGION = 3, _("intermediate region")

    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["level", "code"]
        constraints = [unique_code_per_locale("region")]


class CountryGroup(models.TextChoices):
    """UN country groupings used in assistance eligibility rules."""

    LDC = "ldc", _("Least developed countries (LDC)")
    LLDC = "lldc", _("Landlocked developing countries (LLDC)")
    SIDS = "sids", _("Small island developing States (SIDS)")


class UNStatus(models.TextChoices):
    """Who reports on the Programme of Action: a country without a status does not."""

    MEMBER = "member", _("Member State")
    OBSERVER_STATE = "observer_state", _("non-member observer State")


class CountryQuerySet(TermQuerySet):
    def reporting_states(self):
        """The States that report: the UN Member States and the non-member observer States."""
        return self.filter(un_status__in=UNStatus.values)


class Country(TaxonomyTerm):
    """A country or territory of ISO 3166-1; `code` is its alpha-2 code.

    Territories stay in the taxonomy (projects and resources may concern them); only the
    countries with a UN status (`Country.objects.reporting_states()`) report.
    """

    objects = CountryQuerySet.as_manager()

    alpha3 = models.CharField(_("ISO alpha-3 code"), max_length=3)
    numeric = models.CharField(_("ISO numeric (M49) code"), max_length=3)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sub_region = models.ForeignKey(
        Region,
        verbose_name=_("sub-region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    intermediate_region = models.ForeignKey(
        Region,
        verbose_name=_("intermediate region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_ldc = models.BooleanField(CountryGroup.LDC.label, default=False)
    is_lldc = models.BooleanField(CountryGroup.LLDC.label, default=False)
    is_sids = models.BooleanField(CountryGroup.SIDS.label, default=False)
    un_status = models.CharField(
        _("UN status"), max_length=20, choices=UNStatus.choices, blank=True
    )
    un_admission_date = models.DateField(_("date of admission to the UN"), null=True, blank=True)

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [unique_code_per_locale("country")]

    @property
    def is_reporting_state(self):
        return self.un_status in UNStatus.values

    @property
    def groups(self):
        flags = {
            CountryGroup.LDC: self.is_ldc,
            CountryGroup.LLDC: self.is_lldc,
            CountryGroup.SIDS: self.is_sids,
        }
        return [group for group, member in flags.items() if member]


class Organisation(TaxonomyTerm):
    """A UN entity, fund, regional or international organisation, or civil-society body."""

    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    organisation_type = models.ForeignKey(
        OrganisationType,
        verbose_name=_("organisation type"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("headquarters country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [unique_code_per_locale("organisation")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
