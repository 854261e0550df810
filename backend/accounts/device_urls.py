"""The caller's signed-in devices (mounted at /api/devices/)."""

from django.urls import path, register_converter

from .views import DeviceListView, DeviceView, LogoutAllView


class DeviceIdConverter:
    """A device id in a URL: digits that fit a 64-bit integer (anything longer is a 404)."""

    regex = "[0-9]{1,18}"
    to_python = staticmethod(int)
    to_url = staticmethod(str)


register_converter(DeviceIdConverter, "device_id")

urlpatterns = [
    path("", DeviceListView.as_view(), name="devices"),
    path("<device_id:device_id>/", DeviceView.as_view(), name="device"),
    path("logout-all/", LogoutAllView.as_view(), name="devices-logout-all"),
]
