"""A plain Django view (no DRF) whose database is busy, for test_busy_database.py."""

from django.db import OperationalError
from django.urls import path


def busy(request):
    raise OperationalError("database is locked")


def broken(request):
    raise OperationalError("no such table: nowhere")


urlpatterns = [path("busy/", busy), path("broken/", broken)]
handler500 = "backend.web.errors.server_error"
