from django.contrib import admin

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["topic", "key", "created_at", "attempts", "processed_at"]
    list_filter = ["topic", ("processed_at", admin.EmptyFieldListFilter)]
    search_fields = ["key", "last_error"]
    readonly_fields = ["topic", "key", "payload", "created_at", "attempts", "last_error"]
