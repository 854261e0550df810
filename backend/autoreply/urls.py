"""Routes of the bot's API (mounted at /api/commands/)."""

from django.urls import path

from .views import CommandListView

urlpatterns = [path("", CommandListView.as_view(), name="commands")]
