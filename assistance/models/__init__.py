"""Needs, resources, the matches between them and the projects that come out of them.

Taxonomy terms (countries, regions, themes, forms, organisations) are translatable rows, one
per locale; these models point at the rows of the source language (English) and the API
names them by code, in the reader's language.

Titles and descriptions are written once in the language of their author
(`original_language`) and translated in `translations` ({"fr": {"title": ..., ...}}): a
need keeps one identity, one status and one history whatever language it is read in.
"""

from .base import (
    Budget,
    CapacityUnit,
    Rating,
    StatusChange,
    StatusLifecycle,
    TranslatedText,
    money_field,
)
from .matches import Match, MatchResource
from .needs import Need, Priority
from .projects import Project
from .resources import Resource
from .stated_needs import StatedNeed

__all__ = [
    "Budget",
    "CapacityUnit",
    "Match",
    "MatchResource",
    "Need",
    "Priority",
    "Project",
    "Rating",
    "Resource",
    "StatedNeed",
    "StatusChange",
    "StatusLifecycle",
    "TranslatedText",
    "money_field",
]
