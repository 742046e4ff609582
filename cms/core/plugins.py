"""The kernel's plug-in points: what each installed app contributes to the suite.

An app declares its contributions as class attributes of its `AppConfig`. Each holds a
dotted path, a list of dotted paths, or the value itself; dotted paths are imported only
when the contribution is used, never while the app registry is being populated, so an
`apps.py` stays cheap to import. The project and the shared services loop over the
installed apps, in INSTALLED_APPS order, with `contributions(attribute)`. Removing an app
from INSTALLED_APPS removes everything it contributed.

The attributes:

`api_routes`
    DRF viewsets served under /api/v2/: an iterable of `(prefix, viewset, basename)`; the
    viewset is a class or its dotted path. Registered on the one router of the API root.
`api_urlpatterns`
    Other endpoints under /api/v2/ (plain API views, nested routers): an iterable of URL
    patterns, or of `(route, view, name)` triples whose view is a class-based view, a view
    function or the dotted path of either. Collected before the routers' patterns.
`site_urlpatterns`
    URL patterns at the site root, in the same two forms; they come before the admin, the
    API and the pages, so an app may guard an admin URL or serve files of its own.
`search_providers`
    Sources of search documents: dotted paths of `search.registry.SearchProvider`
    subclasses (or instances). The search index holds whatever the providers yield.
`search_audiences`
    Dotted path of a callable `(user) -> set of audience names`, e.g. {"members"}: the
    visibilities, beyond "public", of the search documents the user may find.
`profile_sections`
    Sections of the country profiles: `ProfileSection` declarations, or their dotted paths.
    The profile shows them by `order`, then `name`.
`demo_loader`
    Dotted path of a callable `(stdout=None)` that loads the app's demo content,
    idempotently; `manage.py load_demo` calls each in INSTALLED_APPS order, in one
    transaction, after the taxonomy is loaded.
`api_enum_names`
    Names for the OpenAPI schema's enums that would otherwise collide (drf-spectacular
    names an enum after its field, and many fields are called "status"): a mapping of
    enum name to the dotted path of its choices.
`outbox_topics`
    The after-commit work the app hands to the durable outbox (see `cms.outbox`).

Adding an app is a matter of declaring what it offers:

    class GlossaryConfig(AppConfig):
        name = "glossary"
        api_routes = [("glossary/terms", "glossary.api.TermViewSet", "glossary-term")]
        search_providers = ["glossary.search.TermProvider"]
        demo_loader = "glossary.demo.load"
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import path
from django.utils.module_loading import import_string


def resolve(value):
    """A dotted path becomes the object it names, a list of them a list of objects."""
    if isinstance(value, str):
        return import_string(value)
    if isinstance(value, list):
        return [resolve(item) if isinstance(item, str) else item for item in value]
    return value


def contributions(attribute):
    """(app_config, resolved value) for every installed app that declares `attribute`."""
    for app_config in apps.get_app_configs():
        value = getattr(app_config, attribute, None)
        if value is not None:
            yield app_config, resolve(value)


def url_patterns(entries):
    """URL patterns from an app's declaration: patterns, or (route, view, name) triples."""
    patterns = []
    for entry in entries:
        if isinstance(entry, tuple):
            route, view, name = entry
            view = resolve(view)
            if hasattr(view, "as_view"):
                view = view.as_view()
            entry = path(route, view, name=name)
        patterns.append(entry)
    return patterns


@dataclass(frozen=True)
class ProfileSection:
    """One section of every country profile.

    `provider(country_code, language_code, user)` returns the section's JSON-ready data,
    or None to leave the section out; it may be given by dotted path. `user` is None for
    anonymous visitors, so a provider can show more to those entitled to it.
    """

    name: str
    provider: object
    label: str
    order: int = 100

    def data(self, country_code, language_code, user):
        return resolve(self.provider)(country_code, language_code, user)
