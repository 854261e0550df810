"""Routes of attachments."""

from django.urls import path

from backend.chat import urls as chat_urls  # noqa: F401  (registers the <uri:…> converter)

from . import views

urlpatterns = [
    path("chats/<uri:uri>/attachments/", views.AttachmentUploadView.as_view(), name="chat-attachments"),
    path("attachments/<int:attachment_id>/", views.AttachmentDownloadView.as_view(), name="attachment"),
    path("attachments/<int:attachment_id>/thumbnail/", views.ThumbnailView.as_view(), name="attachment-thumbnail"),
]
