from django.contrib import admin

from .models import Attachment


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "content_type", "size", "uploader", "session", "message", "created_at"]
    raw_id_fields = ["session", "uploader", "message"]
    search_fields = ["name"]
