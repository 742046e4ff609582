"""Who may do what in the assistance admin: Wagtail permission policies from the user's role.

The rules are those of the API (`permissions`): a national point of contact sees and edits
its own country's needs, a donor its own organisation's resources, the secretariat
everything. They come from the role groups and the user's profile, not from Django model
permissions, so the admin and the API cannot drift apart. The views look objects up among
those the user may see, so another country's unvalidated need answers 404 even by its URL.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from wagtail.permission_policies.base import BasePermissionPolicy

from cms.accounts import roles

from .. import permissions as rules
from ..models import Match, Need, Project, Resource

VIEW = "view"


class RolePermissionPolicy(BasePermissionPolicy):
    """Subclasses say which roles may take an action at all, and on which instances."""

    # Role groups that may view the records; the secretariat (and superusers) may do anything.
    viewer_groups = (roles.NATIONAL_POINTS_OF_CONTACT, roles.DONORS)

    def allows(self, user, action):
        """May the user take the action on some instances? (The secretariat: on all.)"""
        if roles.is_secretariat(user):
            return True
        return action == VIEW and any(roles.in_group(user, name) for name in self.viewer_groups)

    def scope(self, user, action):
        """The instances the user may take the action on, once `allows` said yes."""
        return self.model._default_manager.all()

    def user_has_permission(self, user, action):
        return self.allows(user, action)

    def users_with_any_permission(self, actions):
        groups = [roles.SECRETARIAT]
        if VIEW in actions:
            groups += list(self.viewer_groups)
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name__in=groups), is_active=True)
            .distinct()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        allowed = [action for action in actions if self.allows(user, action)]
        if not allowed:
            return self.model._default_manager.none()
        if roles.is_secretariat(user):
            return self.model._default_manager.all()
        pks = Q(pk__in=[])
        for action in allowed:
            pks |= Q(pk__in=self.scope(user, action).values("pk"))
        return self.model._default_manager.filter(pks)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.allows(user, action):
            return False
        if roles.is_secretariat(user) or action == "add":
            return True
        return self.scope(user, action).filter(pk=instance.pk).exists()

    def visible(self, user):
        return self.instances_user_has_permission_for(user, VIEW)


class NeedPolicy(RolePermissionPolicy):
    def allows(self, user, action):
        if action in ("add", "change", "delete"):
            return bool(rules.can_create_need(user))
        return super().allows(user, action)

    def scope(self, user, action):
        if action == VIEW:
            return rules.visible_needs(user)
        country = roles.represented_country_code(user)
        statuses = rules.NPC_DELETABLE_STATUSES if action == "delete" else None
        needs = Need.objects.filter(country__code=country)
        return needs.filter(status__in=statuses or rules.NPC_EDITABLE_STATUSES)


class ResourcePolicy(RolePermissionPolicy):
    def allows(self, user, action):
        if action in ("add", "change", "delete"):
            return bool(rules.can_create_resource(user))
        return super().allows(user, action)

    def scope(self, user, action):
        if action == VIEW:
            return rules.visible_resources(user)
        return Resource.objects.filter(provider__code=roles.represented_organisation_code(user))


class MatchPolicy(RolePermissionPolicy):
    """Matches come from the engine; the secretariat reviews them (see the review screen)."""

    def scope(self, user, action):
        return rules.visible_matches(user)


class ProjectPolicy(RolePermissionPolicy):
    """Projects are public; the secretariat keeps them."""


POLICIES = {Need: NeedPolicy, Resource: ResourcePolicy, Match: MatchPolicy, Project: ProjectPolicy}


class ScopedObjectMixin:
    """For views of one object: 404 unless the user may see it, 403 unless they may take
    the view's action on it."""

    object_action = VIEW

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        user = self.request.user
        if not self.permission_policy.visible(user).filter(pk=instance.pk).exists():
            raise Http404
        if not self.permission_policy.user_has_permission_for_instance(
            user, self.object_action, instance
        ):
            raise PermissionDenied
        return instance
