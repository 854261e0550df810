"""Routes of attachments."""

from django.urls import path

from . import views

urlpatterns = [
    path("chats/<str:uri>/attachments/", views.AttachmentUploadView.as_view(), name="chat-attachments"),
    path("attachments/<int:attachment_id>/", views.AttachmentDownloadView.as_view(), name="attachment"),
    path("attachments/<int:attachment_id>/thumbnail/", views.ThumbnailView.as_view(), name="attachment-thumbnail"),
]
