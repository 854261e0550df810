"""Django admin for sessions, members and messages."""

from django.contrib import admin

from .models import ChatSession, Membership, Message


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(ChatSession)
class ChatSessionAdmin(admin.ModelAdmin):
    list_display = ["uri", "title", "owner", "last_seq", "last_activity_at"]
    search_fields = ["uri", "title", "owner__username"]
    raw_id_fields = ["owner"]
    readonly_fields = ["uri", "last_seq"]
    inlines = [MembershipInline]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["session", "seq", "rev", "user", "kind", "deleted", "is_bot", "created_at"]
    list_select_related = ["session", "user"]
    search_fields = ["text", "session__uri", "user__username"]
    raw_id_fields = ["session", "user"]
    readonly_fields = ["seq", "rev"]
