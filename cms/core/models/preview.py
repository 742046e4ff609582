"""Drafts shown to a headless front-end: a snapshot of the edit form, behind an expiring token."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_SALT = "poaiss.headless-preview"


class HeadlessPreview(models.Model):
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    content = models.JSONField(encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("headless preview")
        verbose_name_plural = _("headless previews")

    def __str__(self):
        return f"{self.content_type.name} preview {self.key}"

    @classmethod
    def create_for(cls, page, user=None):
        return cls.objects.create(
            content_type=ContentType.objects.get_for_model(page),
            content=page.serializable_data(),
            created_by=user if user and user.is_authenticated else None,
        )

    @property
    def token(self):
        return signing.dumps(str(self.key), salt=TOKEN_SALT)

    @classmethod
    def from_token(cls, token):
        """The preview a token names; raises SignatureExpired, BadSignature or DoesNotExist."""
        key = signing.loads(token, salt=TOKEN_SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
        return cls.objects.select_related("content_type").get(key=key)

    def as_page(self):
        """The page as it stood in the edit form, unsaved."""
        model = self.content_type.model_class()
        return model.from_serializable_data(self.content, check_fks=False, strict_fks=False)


class HeadlessPreviewMixin:
    """Adds an "External site" preview mode that opens the draft in the headless front-end."""

    HEADLESS_MODE = "headless"

    @property
    def preview_modes(self):
        modes = list(super().preview_modes)
        if settings.HEADLESS_PREVIEW_CLIENT_URL:
            modes.append((self.HEADLESS_MODE, _("External site")))
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name != self.HEADLESS_MODE:
            return super().serve_preview(request, mode_name)
        from urllib.parse import urlencode

        from django.shortcuts import redirect

        preview = HeadlessPreview.create_for(self, user=getattr(request, "user", None))
        query = urlencode({"preview_token": preview.token, "locale": self.locale.language_code})
        return redirect(f"{settings.HEADLESS_PREVIEW_CLIENT_URL}?{query}")
