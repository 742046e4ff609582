"""The Small Arms Advisory Network: members, the points-of-contact directory and the forum.

Taxonomy terms (country, thematic area) are compared by their stable `code`, never by row.
"""

from .activity import Flag, Follow, Vote
from .members import MemberProfile, PointOfContact, validate_language_codes
from .notifications import DigestDelivery, Notification
from .posts import (
    LANGUAGE_CODES,
    MAX_BODY_LENGTH,
    MAX_TITLE_LENGTH,
    POST_STATES,
    Answer,
    Comment,
    Post,
    Question,
    Revision,
)

__all__ = [
    "LANGUAGE_CODES",
    "MAX_BODY_LENGTH",
    "MAX_TITLE_LENGTH",
    "POST_STATES",
    "Answer",
    "Comment",
    "DigestDelivery",
    "Flag",
    "Follow",
    "MemberProfile",
    "Notification",
    "PointOfContact",
    "Post",
    "Question",
    "Revision",
    "Vote",
    "validate_language_codes",
]
