"""The admin's view of signed-in devices: an admin can sign one out (its sockets close too)."""

from django.contrib import admin

from .models import DeviceToken


@admin.register(DeviceToken)
class DeviceTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "created", "last_used"]
    list_select_related = ["user"]
    search_fields = ["user__username", "name"]
    fields = ["user", "name", "created", "last_used"]
    readonly_fields = fields  # keys are never shown; a device is signed in by logging in

    def has_add_permission(self, request):
        return False
