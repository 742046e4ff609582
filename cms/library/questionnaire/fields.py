"""The kinds of field a list entry has, and the taxonomy each term kind takes its codes from."""

from django.apps import apps

TERM_MODELS = {
    "thematic_area": "core.ThematicArea",
    "assistance_form": "core.AssistanceForm",
    "country": "core.Country",
    "region": "core.Region",
}
TERM_TYPES = tuple(TERM_MODELS)
FIELD_TYPES = ("text", "long_text", "choice", "date", "url", "number", *TERM_TYPES)


def term_model(kind):
    return apps.get_model(TERM_MODELS[kind])
