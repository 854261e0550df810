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
    # The counters belong to the session lock (services/cursor.py); a form must never write them back.
    readonly_fields = ["uri", "last_seq", "rev"]
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        if form.changed_data:  # only what the form changed: a post committed meanwhile keeps its counters
            obj.save(update_fields=form.changed_data)


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["session", "seq", "rev", "user", "kind", "deleted", "is_bot", "created_at"]
    list_select_related = ["session", "user"]
    search_fields = ["text", "session__uri", "user__username"]
    raw_id_fields = ["session", "user"]
    readonly_fields = ["seq", "rev"]

    # Messages are read here, not changed: an edit must take a rev (services.message_edit) and
    # a message must never move to another chat or leave a hole in its seq.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
