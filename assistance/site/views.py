"""The public pages of needs, resources and projects: the API's querysets, filters and
visibility rules (`assistance.permissions`, `assistance.api.filters`), rendered as HTML."""

from babel.dates import format_date
from babel.numbers import format_currency
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cms.core.languages import BABEL_LOCALES
from cms.core.models import Country, ThematicArea
from cms.core.states import active_language, name_sort_key
from cms.website.pagination import page_links

from .. import permissions as rules
from ..api.filters import NeedFilter, ProjectFilter, ResourceFilter
from ..models import Need, Project, Resource

PAGE_SIZE = 20


def money(amount, currency, language):
    if amount is None:
        return ""
    return format_currency(amount, currency, locale=BABEL_LOCALES.get(language, "en"))


def day(value, language):
    return (
        format_date(value, format="long", locale=BABEL_LOCALES.get(language, "en")) if value else ""
    )


def names_in(terms, language):
    """The terms' names in the language (else the source language's), joined."""
    terms = [term for term in terms if term is not None]
    if not terms:
        return ""
    names = type(terms[0]).objects.names(language, [term.code for term in terms])
    return ", ".join(sorted((names.get(term.code, term.name) for term in terms), key=name_sort_key))


def visible_projects(user, queryset=None):
    """Projects are public, as the API lists them."""
    return Project.objects.all() if queryset is None else queryset


class Kind:
    """What the listing and detail views need to know of one kind of record."""

    def __init__(self, name, model, filterset, visible, heading, related, order=None):
        self.name, self.model, self.filterset, self.visible = name, model, filterset, visible
        self.heading, self.related = heading, related
        self.order = order or ("-created_at", "-pk")

    def queryset(self, user):
        queryset = self.model.objects.prefetch_related("themes", *self.related)
        return self.visible(user, queryset).order_by(*self.order)


KINDS = {
    "needs": Kind(
        "needs", Need, NeedFilter, rules.visible_needs, _("Assistance needs"), ["country"]
    ),
    "resources": Kind(
        "resources",
        Resource,
        ResourceFilter,
        rules.visible_resources,
        _("Resources for assistance"),
        ["provider"],
    ),
    "projects": Kind(
        "projects",
        Project,
        ProjectFilter,
        visible_projects,
        _("Projects"),
        ["focus_countries"],
        order=("-start_date", "code"),
    ),
}


def item_summary(kind, item, language):
    served, texts = item.in_language(language)
    facts = []
    if kind == "needs":
        facts = [
            names_in([item.country], language),
            money(item.amount, item.currency, language),
        ]
    elif kind == "resources":
        facts = [names_in([item.provider], language), item.get_kind_display()]
    else:
        facts = [item.code, day(item.start_date, language), day(item.end_date, language)]
    return {
        "url": reverse(f"site-{kind[:-1]}", args=[item.pk]),
        "title": texts["title"],
        "language": served,
        "status": item.get_status_display(),
        "facts": [fact for fact in facts if fact],
    }


class AssistanceListView(TemplateView):
    """/<language>/needs/, resources/, projects/: filters as the API's (?country=, ?theme=,
    ?status=), a page at a time."""

    template_name = "assistance/site/list.html"
    kind = "needs"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = active_language()
        kind = KINDS[self.kind]
        query = self.request.GET.copy()
        query.pop("page", None)
        filterset = kind.filterset(data=query, queryset=kind.queryset(self.request.user))
        items = filterset.qs
        paginator = Paginator(items, PAGE_SIZE)
        try:
            number = max(1, int(self.request.GET.get("page", "1")))
        except ValueError:
            number = 1
        if number > paginator.num_pages:
            raise Http404
        page = paginator.page(number)
        countries = Country.objects.reporting_states().names(language)
        themes = ThematicArea.objects.names(language)
        choices = {
            "country": sorted(countries.items(), key=lambda item: name_sort_key(item[1])),
            "theme": sorted(themes.items(), key=lambda item: name_sort_key(item[1])),
            "status": list(kind.model.Status.choices),
        }
        labels = {"country": _("Country"), "theme": _("Thematic area"), "status": _("Status")}
        context.update(
            kind=self.kind,
            heading=kind.heading,
            items=[item_summary(self.kind, item, language) for item in page.object_list],
            total=paginator.count,
            pages=page_links(query, number, PAGE_SIZE, paginator.count),
            errors=[m for messages in filterset.errors.values() for m in messages],
            filters=[
                (name, labels[name], choices[name], self.request.GET.get(name, ""))
                for name in ("country", "theme", "status")
            ],
        )
        return context


def need_facts(need, language, user):
    facts = [
        (_("Country"), names_in([need.country], language)),
        (_("Amount"), money(need.amount, need.currency, language)),
        (_("Start"), day(need.start_date, language)),
        (_("Duration in months"), need.duration_months or ""),
        (_("Open since"), day(need.open_since, language)),
    ]
    if rules.can_see_need_contact(user, need):
        facts += [(_("Point of contact"), need.contact_name), (_("E-mail"), need.contact_email)]
    return facts


def resource_facts(resource, language, user):
    return [
        (_("Type"), resource.get_kind_display()),
        (_("Provider"), names_in([resource.provider], language)),
        (_("Smallest grant"), money(resource.grant_floor or None, resource.currency, language)),
        (_("Largest grant"), money(resource.grant_cap or None, resource.currency, language)),
        (_("Call opens"), day(resource.call_opens, language)),
        (_("Call closes"), day(resource.call_closes, language)),
        (_("Eligible countries"), names_in(resource.eligible_countries.all(), language)),
    ]


def project_facts(project, language, user):
    return [
        (_("Code"), project.code),
        (_("Start"), day(project.start_date, language)),
        (_("End"), day(project.end_date, language)),
        (_("Budget"), money(project.amount, project.currency, language)),
        (_("Focus countries"), names_in(project.focus_countries.all(), language)),
        (_("Partners"), project.partners),
    ]


FACTS = {"needs": need_facts, "resources": resource_facts, "projects": project_facts}


class AssistanceDetailView(TemplateView):
    """/<language>/needs/<id>/…: one record the viewer may see (else 404, as the API)."""

    template_name = "assistance/site/detail.html"
    kind = "needs"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = active_language()
        kind = KINDS[self.kind]
        item = get_object_or_404(kind.queryset(self.request.user), pk=kwargs["pk"])
        served, texts = item.in_language(language)
        extra = [
            (_("Expectations"), texts.get("expectations", "")),
            (_("Objective"), texts.get("objective", "")),
            (_("Key accomplishments"), texts.get("accomplishments", "")),
        ]
        facts = FACTS[self.kind](item, language, self.request.user)
        context.update(
            kind=self.kind,
            heading=kind.heading,
            list_url=reverse(f"site-{self.kind}"),
            title=texts["title"],
            text_language=served,
            description=texts["description"],
            sections=[(label, text) for label, text in extra if text],
            status=item.get_status_display(),
            themes=sorted(
                theme.name
                for theme in ThematicArea.objects.localized(language).filter(
                    code__in=[theme.code for theme in item.themes.all()]
                )
            ),
            facts=[(label, value) for label, value in facts if value not in ("", None)],
        )
        return context
