"""Admin views of bot jobs (to see failures) and of the knowledge base."""

from django.contrib import admin

from .models import BotJob, Document


@admin.register(BotJob)
class BotJobAdmin(admin.ModelAdmin):
    list_display = ["id", "status", "attempts", "claimed_by", "created_at", "finished_at"]
    list_filter = ["status"]
    raw_id_fields = ["message", "reply"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["source", "title", "ingested_at"]
    search_fields = ["source", "title"]
