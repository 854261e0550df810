"""The admin's view of signed-in devices: an admin can sign one out (its sockets close too)."""

from django.contrib import admin
from rest_framework.authtoken.models import TokenProxy

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


# DRF's token table is empty since the device tokens took its place (migration 0002): not shown.
if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)
