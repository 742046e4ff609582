"""Who may write through the assistance API.

What each user may see and do with one object is decided in `assistance.permissions`; these
classes only turn away requests that may not write at all.
"""

from django.utils.translation import gettext_lazy
from rest_framework import permissions

from .. import permissions as rules

# Reading is open (the querysets hide what a user may not see); writing needs a signed-in
# user, and each write checks what that user may do.
WriteAccess = permissions.IsAuthenticatedOrReadOnly


class SecretariatWrites(permissions.BasePermission):
    message = gettext_lazy("Only the secretariat edits projects.")

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or rules.roles.is_secretariat(
            request.user
        )
